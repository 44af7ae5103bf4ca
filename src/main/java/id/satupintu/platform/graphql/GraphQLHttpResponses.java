package id.satupintu.platform.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.platform.error.Problem;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.error.TimedOut;
import id.satupintu.platform.i18n.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.util.Locale;

/**
 * Responses of the GraphQL endpoint that do not come from execution: a request that is not
 * well-formed gets a GraphQL response without {@code data} (so a GraphQL client reads it like any
 * request error) with a localized message and the same stable code REST problems use.
 */
@ApplicationScoped
class GraphQLHttpResponses {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ProblemFactory problems;

    @Inject
    ObjectMapper mapper;

    @Inject
    DatabaseOutage outage;

    void send(RoutingContext ctx, int status, String mediaType, String body) {
        if (ctx.response().headWritten()) {
            // Already answered: an invalid token's 401, sent while the resolvers still ran.
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8")
                .end(body);
    }

    void respond(RoutingContext ctx, String mediaType, ProblemException e) {
        if (ctx.response().headWritten()) {
            return;
        }
        Locale locale = locale(ctx);
        String body = JSON.createObjectBuilder()
                .add("errors", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("message", problems.message(e, locale))
                        .add("extensions", JSON.createObjectBuilder().add("code", e.code()))))
                .build().toString();
        ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        e.headers().forEach(ctx.response()::putHeader);
        send(ctx, e.status(), mediaType, body);
    }

    /**
     * An executed request whose every error is the database being away (or a statement it timed out), and which has no data to show:
     * answered as REST answers an outage (503 with Retry-After), so that clients and load balancers see it
     * is worth retrying, instead of a 200 that reads like a result.
     */
    void sendOutage(RoutingContext ctx, String mediaType, String body) {
        if (ctx.response().headWritten()) {
            return;
        }
        outage.problem().headers().forEach(ctx.response()::putHeader);
        send(ctx, 503, mediaType, body);
    }

    /** Whether a GraphQL result holds only outage errors and no data (data absent, or every field null). */
    static boolean onlyOutage(jakarta.json.JsonObject result) {
        jakarta.json.JsonArray list = result.getJsonArray("errors");
        if (list == null || list.isEmpty()) {
            return false;
        }
        for (jakarta.json.JsonValue error : list) {
            jakarta.json.JsonObject extensions = error.asJsonObject().getJsonObject("extensions");
            String code = extensions == null ? null : extensions.getString("code", null);
            if (!DatabaseOutage.CODE.equals(code) && !TimedOut.CODE.equals(code)) {
                return false;
            }
        }
        jakarta.json.JsonValue data = result.get("data");
        return data == null || data.getValueType() == jakarta.json.JsonValue.ValueType.NULL
                || data.asJsonObject().values().stream()
                        .allMatch(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.NULL);
    }

    void methodNotAllowed(RoutingContext ctx, String mediaType, String allow, String code) {
        ctx.response().putHeader(HttpHeaders.ALLOW, allow);
        respond(ctx, mediaType, new ProblemException(405, code));
    }

    /** The client accepts neither GraphQL type, so it gets the problem details every other API error uses. */
    void notAcceptable(RoutingContext ctx) {
        Locale locale = locale(ctx);
        Problem problem = problems.create(new ProblemException(406, "graphql-not-acceptable"), locale,
                ctx.request().path());
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
            send(ctx, 406, Problem.MEDIA_TYPE, mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static Locale locale(RoutingContext ctx) {
        return Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
