package id.satupintu.platform.web;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ErrorAnswers;
import id.satupintu.platform.error.QuietWarnings;
import id.satupintu.platform.error.TimedOut;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Every request has a time by which it is answered: when nothing has been written by then, the edge
 * answers 503 {@code request-timed-out} with Retry-After itself, so a client never waits on a request
 * stuck behind a lock or a slow database. The work may still finish later; whatever the resource writes
 * then goes nowhere (ErrorAnswers and Vert.x refuse a second head), and a client retrying with its
 * Idempotency-Key gets that finished result rather than a second one. PostgreSQL's statement_timeout,
 * set a little shorter (BoundedPool), usually cancels the statement first, and that failure is answered
 * the same way (Failures). Live streams (SSE, WebSocket upgrades) are meant to last and have none.
 * Nor has an upload: 10 MiB over a 2 Mbit/s line takes 40 s of honest sending, and cutting it off
 * would only make the citizen send it again; its statements keep their statement_timeout.
 */
@ApplicationScoped
class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    @Inject
    PlatformConfig config;

    @Inject
    ErrorAnswers answers;

    @Inject
    QuietWarnings warnings;

    void arm(RoutingContext ctx) {
        int timeout = config.http().requestTimeoutMs();
        if (timeout <= 0 || stream(ctx) || BodyLimit.streamsUpload(ctx.request())) {
            return;
        }
        long timer = ctx.vertx().setTimer(timeout, id -> {
            if (ctx.response().headWritten() || ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            warnings.warn(LOG, "request-deadline", ctx.request().method() + " " + ctx.request().path() + " not answered within "
                    + timeout + " ms: answered 503");
            // The body may still be arriving unread: the connection cannot carry another request.
            answers.send(ctx, TimedOut.problem(config.database().retryAfterSeconds()), true);
        });
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
    }

    private static boolean stream(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        return (accept != null && accept.contains("text/event-stream")) || (upgrade != null && !upgrade.isBlank());
    }
}
