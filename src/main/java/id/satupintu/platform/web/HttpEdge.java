package id.satupintu.platform.web;

import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.platform.error.ErrorAnswers;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.TimedOut;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What the HTTP layer refuses before any resource runs, answered in the API's error shape (problem+json,
 * or GeoReport's on Open311 paths) instead of Vert.x's and Quarkus's empty 400, 414 and 431.
 * <p>
 * Vert.x refuses an over-long request line or header block inside its HTTP codec, where no route and no
 * hook of Quarkus can shape the answer. So the codec is given room ({@link #HEADROOM} times the limits)
 * and the limits themselves, Quarkus's {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}, are applied here, as the first route; only a request beyond the headroom still
 * gets the codec's empty answer. Likewise Quarkus refuses a URL that is not a URI (a broken %-escape)
 * before its router unless {@code vertx.disableURIValidation} is set, which every launcher of this service
 * sets (the build, the images, bin/run): then the same check, {@code new URI(uri)}, runs here first.
 * Failures later in the chain that belong to the edge (a body over the limit, a form Vert.x cannot
 * decode, a path the router cannot decode) are shaped by this route's failure handler.
 */
@ApplicationScoped
public class HttpEdge implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** How much more than the limits the codec lets through, so that this route sees and answers it. */
    static final int HEADROOM = 4;

    /** Marks a request whose body the edge reads, with the limit it reads it under. */
    static final String BODY_LIMIT = "satupintu.body-limit";

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxInitialLineLength;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @Inject
    ErrorAnswers answers;

    @Inject
    DatabaseOutage outage;

    @Inject
    BodyLimit bodyLimit;

    @Inject
    RequestDeadline deadline;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(maxInitialLineLength * HEADROOM);
        options.setMaxHeaderSize((int) Math.min(Integer.MAX_VALUE, maxHeaderSize.asLongValue() * HEADROOM));
        // Vert.x decodes the forms BodyLimit reads and would refuse a long field mid-body with an error that
        // names nothing; FormBodies applies quarkus.http.limits.max-form-attribute-size itself, on the whole
        // body. Above the body limit, so that a body over it is refused as such.
        options.setMaxFormAttributeSize((int) Math.min(Integer.MAX_VALUE, 2 * bodyLimit.smallBodyLimit()));
        // Cleartext HTTP/2 is declined: a client's "Upgrade: h2c" is answered over HTTP/1.1, as RFC 9113
        // (which deprecates that upgrade) allows. Through Vert.x's upgrade a few answers in a hundred reached
        // java.net.http with HTTP/1.1 bytes inside the HTTP/2 stream, and the client dropped the connection
        // (ClientCallOverHttp2Test). HTTP/2 belongs at the TLS edge, the ingress, which speaks it to clients.
        options.setHttp2ClearTextEnabled(false);
    }

    /** Before every other route of ours ({@code @Priority}: observers run in its order, routes of one order as added). */
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::failed);
        // A path the router itself cannot decode while matching routes fails outside any route.
        router.errorHandler(400, ctx -> answers.send(ctx, new ProblemException(400, "bad-request"), false));
        bodyLimit.install(router);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri == null || uri.isEmpty()) {
            answers.send(ctx, new ProblemException(400, "malformed-url"), false);
            return;
        }
        // The request line as the codec counts it: "GET <uri> HTTP/1.1".
        if (request.method().name().length() + uri.length() + 10 > maxInitialLineLength) {
            answers.send(ctx, new ProblemException(414, "url-too-long", String.valueOf(maxInitialLineLength)), true);
            return;
        }
        if (headerBytes(request) > maxHeaderSize.asLongValue()) {
            answers.send(ctx, new ProblemException(431, "headers-too-large", String.valueOf(maxHeaderSize.asLongValue() / 1024)), true);
            return;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException notAUri) {
            answers.send(ctx, new ProblemException(400, "malformed-url"), false);
            return;
        }
        deadline.arm(ctx);
        ctx.next();
    }

    /**
     * Whether the edge has read this request's body whole (a JSON, GraphQL or form body over HTTP/1.1,
     * BodyLimit, the same rule): it has been read, and a resource that streams the body itself would wait for it forever.
     */
    public static boolean bodyReadAtTheEdge(HttpServerRequest request) {
        return BodyLimit.readsWhole(request);
    }

    /** The header block's size as the codec counts it: each line's name, ": ", value and line end. */
    private static long headerBytes(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** The edge's own failures; anything else goes on to the failure handlers after this one. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten() && TimedOut.lateAnswer(ctx.failure())) {
            // Answered already (RequestDeadline); the late answer has nowhere to go and is nobody's fault.
            LOG.debugf("Late answer dropped: %s %s", ctx.request().method(), ctx.request().path());
            return;
        }
        if (ctx.failure() != null) {
            // A route before the REST layer (a gate that asks the database) failed on an outage: 503, not 500.
            ProblemException unavailable = outage.problem(ctx.failure(), ctx.request().path());
            if (unavailable != null) {
                answers.send(ctx, unavailable, false);
                return;
            }
        }
        ProblemException problem = edgeProblem(ctx);
        if (problem == null) {
            ctx.next();
            return;
        }
        LOG.debugf("Refused at the HTTP edge: %s %s: %s", ctx.request().method(), ctx.request().path(), problem.code());
        answers.send(ctx, problem, true);
    }

    private ProblemException edgeProblem(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        Long limit = ctx.get(BODY_LIMIT);
        if (failure instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
            return new ProblemException(413, "form-field-too-large", FormBodies.kib(bodyLimit.formFieldLimit()));
        }
        if (failure instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
            return new ProblemException(400, "form-too-many-fields", bodyLimit.formFieldCount());
        }
        if (limit != null && ctx.statusCode() == 413) {
            return new ProblemException(413, "payload-too-large", Math.max(1, limit / (1024 * 1024)));
        }
        if (limit != null && ctx.statusCode() == 400) {
            // The form decoder's other refusals: a broken %-escape mid-body.
            return new ProblemException(400, "malformed-form");
        }
        return null;
    }
}
