package id.satupintu.platform.web;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ErrorAnswers;
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
 */
@ApplicationScoped
class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    @Inject
    PlatformConfig config;

    @Inject
    ErrorAnswers answers;

    void arm(RoutingContext ctx) {
        int timeout = config.http().requestTimeoutMs();
        if (timeout <= 0 || stream(ctx)) {
            return;
        }
        long timer = ctx.vertx().setTimer(timeout, id -> {
            if (ctx.response().headWritten() || ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            LOG.warnf("%s %s not answered within %d ms: answered 503", ctx.request().method(), ctx.request().path(), timeout);
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
