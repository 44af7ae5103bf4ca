package id.satupintu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.Problem;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.i18n.Messages;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose announced body is over the limit before reading it, with a problem
 * body instead of the HTTP layer's empty 413, so a mobile client can show why.
 */
@ApplicationScoped
class BodyLimit {

    @Inject
    ProblemFactory problems;

    @Inject
    ObjectMapper mapper;

    /** Quarkus's own limit, read as it is: its default is Quarkus's, which a mapping of ours would repeat. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    PlatformConfig config;

    void install(@Observes Router router) {
        long uploadLimit = maxBodySize.asLongValue();
        long jsonLimit = Math.min(uploadLimit, config.http().maxJsonBodySize().asLongValue());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            long limit = type != null && (type.contains("json") || type.contains("graphql")
                    || type.contains("x-www-form-urlencoded")) ? jsonLimit : uploadLimit;
            if (length != null && isOver(length, limit)) {
                var locale = Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                Problem body = problems.create(new ProblemException(413, "payload-too-large", Math.max(1, limit / (1024 * 1024))),
                        locale, ctx.request().path());
                try {
                    ctx.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(mapper.writeValueAsString(body));
                } catch (JsonProcessingException e) {
                    ctx.fail(e);
                }
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
