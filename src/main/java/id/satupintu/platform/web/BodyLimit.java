package id.satupintu.platform.web;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ErrorAnswers;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size of request bodies, with a problem body instead of the HTTP layer's empty 413. A body whose
 * announced length is over the limit is refused before it is read. JSON, GraphQL and form bodies are
 * small ({@code satupintu.http.max-json-body-size}), so they are read here, whole, under that limit:
 * a chunked body, which announces no length, is counted as it arrives and refused once over it. A form
 * read this way is then checked whole ({@link FormBodies}) before any resource parses it.
 */
@ApplicationScoped
class BodyLimit {

    /** Quarkus's own limit, read as it is: its default is Quarkus's, which a mapping of ours would repeat. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size", defaultValue = "2048")
    MemorySize maxFormAttributeSize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-fields", defaultValue = "256")
    int maxFormFields;

    @Inject
    PlatformConfig config;

    @Inject
    ErrorAnswers answers;

    long smallBodyLimit() {
        return Math.min(maxBodySize.asLongValue(), config.http().maxJsonBodySize().asLongValue());
    }

    long formFieldLimit() {
        return maxFormAttributeSize.asLongValue();
    }

    int formFieldCount() {
        return maxFormFields;
    }

    /** Installed by {@link HttpEdge}, right after its checks of the request line and headers. */
    void install(Router router) {
        long uploadLimit = maxBodySize.asLongValue();
        long smallLimit = smallBodyLimit();
        BodyHandler smallBodies = BodyHandler.create(false).setBodyLimit(smallLimit);
        FormBodies forms = new FormBodies(formFieldLimit(), maxFormFields);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            boolean small = isSmall(request.getHeader(HttpHeaders.CONTENT_TYPE));
            long limit = small ? smallLimit : uploadLimit;
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                answers.send(ctx, new ProblemException(413, "payload-too-large", Math.max(1, limit / (1024 * 1024))), true);
                return;
            }
            // Over HTTP/2 the body stays where RESTEasy and GraphQL read it: a request read whole here has
            // ended, and an ended HTTP/2 request refuses the pause() they begin with (a 500 on every call).
            // Its announced length is checked above; one that announces none meets the upload limit.
            if (readsWhole(request)) {
                ctx.put(HttpEdge.BODY_LIMIT, limit);
                smallBodies.handle(ctx);
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.get(HttpEdge.BODY_LIMIT) != null && FormBodies.isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                ProblemException refused = forms.check(ctx.body().buffer());
                if (refused != null) {
                    answers.send(ctx, refused, false);
                    return;
                }
            }
            ctx.next();
        });
    }

    /** Whether this route reads the request's body whole: a JSON, GraphQL or form body, not over HTTP/2. */
    static boolean readsWhole(HttpServerRequest request) {
        return isSmall(request.getHeader(HttpHeaders.CONTENT_TYPE))
                && hasBody(request, request.getHeader(HttpHeaders.CONTENT_LENGTH)) && request.version() != HttpVersion.HTTP_2;
    }

    /**
     * Whether the request sends a body that is not read whole before the resource runs: an upload,
     * streamed to storage as it arrives, whose time depends on the sender's line, not on our work.
     */
    static boolean streamsUpload(HttpServerRequest request) {
        return !isSmall(request.getHeader(HttpHeaders.CONTENT_TYPE)) && hasBody(request, request.getHeader(HttpHeaders.CONTENT_LENGTH));
    }

    static boolean isSmall(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.contains("graphql") || type.contains("x-www-form-urlencoded");
    }

    private static boolean hasBody(HttpServerRequest request, String length) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        try {
            return length != null && Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
