package id.satupintu.platform.graphql;

import static id.satupintu.platform.graphql.GraphQLMediaTypes.GRAPHQL_RESPONSE_JSON;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Serves GraphQL queries and mutations over HTTP the way the GraphQL-over-HTTP specification asks,
 * in front of SmallRye GraphQL's own handler (which answers 200 to everything, with whatever the
 * client put in Accept as Content-Type). It checks the request itself, then runs it through
 * SmallRye's execution service and chooses the status from the result: with
 * application/graphql-response+json a request error (parse, validation, operation or variable
 * error: no {@code data}) is a 400; with legacy application/json every well-formed request is a 200.
 *
 * <p>It extends SmallRye's abstract handler, a class of the Quarkus extension's runtime, for the
 * part that must match SmallRye exactly: the request context, the security identity and the
 * metadata its data fetchers expect. {@code GraphQLOverHttpTest} pins that behaviour, so an
 * upgrade that changes it fails the build instead of production.
 */
class GraphQLHttpHandler extends SmallRyeGraphQLAbstractHandler {

    static final String ALLOW = "GET, POST, OPTIONS";

    private static final JsonProvider JSON = JsonProvider.provider();
    /** Errors raised before execution starts: GraphQL request errors, never field errors. */
    private static final Set<ErrorClassification> REQUEST_ERRORS = Set.of(
            ErrorType.InvalidSyntax, ErrorType.ValidationError, ErrorType.OperationNotSupported);

    private final GraphQLHttpResponses errors;
    private final GraphQLErrors translator;
    private final GraphQLLimits limits;

    GraphQLHttpHandler(CurrentIdentityAssociation identity, CurrentVertxRequest currentRequest,
                       GraphQLHttpResponses errors, GraphQLErrors translator, GraphQLLimits limits) {
        super(identity, currentRequest, false);
        this.errors = errors;
        this.translator = translator;
        this.limits = limits;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            // graphql-transport-ws subscriptions on the same path belong to SmallRye's WebSocket handler.
            ctx.next();
            return;
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            ctx.response().putHeader(HttpHeaders.ALLOW, ALLOW).setStatusCode(204).end();
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            errors.methodNotAllowed(ctx, GRAPHQL_RESPONSE_JSON, ALLOW, "method-not-allowed");
            return;
        }
        Optional<String> negotiated = GraphQLMediaTypes.negotiate(request.getHeader(HttpHeaders.ACCEPT));
        if (negotiated.isEmpty()) {
            errors.notAcceptable(ctx);
            return;
        }
        String mediaType = negotiated.get();
        JsonObject input;
        try {
            input = method == HttpMethod.POST ? fromBody(ctx) : fromQueryString(ctx);
        } catch (ProblemException e) {
            errors.respond(ctx, mediaType, e);
            return;
        }
        // Only a GET, or a document that could hold a subscription, is parsed twice (here and in execution).
        OperationDefinition.Operation operation = method == HttpMethod.GET
                || input.getString("query").contains("subscription") ? operation(input) : null;
        if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
            // SmallRye would run it over HTTP and answer 200; a stream needs the WebSocket.
            errors.respond(ctx, mediaType, new ProblemException(400, "subscription-needs-websocket"));
            return;
        }
        if (method == HttpMethod.GET && operation == OperationDefinition.Operation.MUTATION) {
            // A GET must be safe: the specification requires 405 and no execution.
            errors.methodNotAllowed(ctx, mediaType, "POST", "graphql-mutation-over-get");
            return;
        }
        getExecutionService().executeAsync(input, getMetaData(ctx), new Writer(ctx, mediaType));
    }

    private JsonObject fromBody(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(415, "graphql-content-type-missing");
        }
        if (!GraphQLMediaTypes.isJsonRequest(contentType)) {
            throw new ProblemException(415, "unsupported-media-type");
        }
        String body = ctx.body() == null ? null : ctx.body().asString("UTF-8");
        if (body == null || body.isBlank()) {
            throw new ProblemException(400, "graphql-missing-query");
        }
        JsonValue parsed = read(body, new ProblemException(400, "malformed-json"));
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(400, "graphql-not-an-object");
        }
        JsonObject object = parsed.asJsonObject();
        return request(object.get("query"), object.get("operationName"), object.get("variables"),
                object.get("extensions"));
    }

    private JsonObject fromQueryString(RoutingContext ctx) {
        return request(stringParameter(ctx, "query"), stringParameter(ctx, "operationName"),
                jsonParameter(ctx, "variables"), jsonParameter(ctx, "extensions"));
    }

    /** The four request parameters, checked for the types the specification gives them. */
    private static JsonObject request(JsonValue query, JsonValue operationName, JsonValue variables,
                                      JsonValue extensions) {
        if (query == null || query == JsonValue.NULL) {
            throw new ProblemException(400, "graphql-missing-query");
        }
        JsonObjectBuilder input = JSON.createObjectBuilder();
        input.add("query", require(query, JsonValue.ValueType.STRING, "query"));
        BiConsumer<String, JsonValue> optional = (name, value) -> {
            if (value != null && value != JsonValue.NULL) {
                JsonValue.ValueType type = name.equals("operationName") ? JsonValue.ValueType.STRING
                        : JsonValue.ValueType.OBJECT;
                input.add(name, require(value, type, name));
            }
        };
        optional.accept("operationName", operationName);
        optional.accept("variables", variables);
        optional.accept("extensions", extensions);
        JsonObject built = input.build();
        if (built.containsKey("operationName") && built.getString("operationName").isEmpty()) {
            return JSON.createObjectBuilder(built).remove("operationName").build();
        }
        return built;
    }

    private static JsonValue require(JsonValue value, JsonValue.ValueType type, String name) {
        if (value.getValueType() != type) {
            throw new ProblemException(400, "graphql-invalid-parameter", name);
        }
        return value;
    }

    private static JsonValue stringParameter(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.size() > 1) {
            throw new ProblemException(400, "graphql-invalid-parameter", name);
        }
        return values.isEmpty() ? null : JSON.createValue(values.get(0));
    }

    private JsonValue jsonParameter(RoutingContext ctx, String name) {
        JsonValue text = stringParameter(ctx, name);
        if (text == null || ((JsonString) text).getString().isBlank()) {
            return null;
        }
        return read(((JsonString) text).getString(), new ProblemException(400, "graphql-invalid-parameter", name));
    }

    /**
     * The JSON of a request. Parsson refuses input nested over 1000 deep with a bare RuntimeException
     * rather than a JsonException; that is the client's oversized variables (the limit the execution
     * applies is far lower), not a server fault.
     */
    private JsonValue read(String json, ProblemException malformed) {
        try (var reader = jsonReaderFactory.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw malformed;
        } catch (RuntimeException tooDeep) {
            throw limits.variablesTooLarge();
        }
    }

    /**
     * The kind of operation the request would run, or null for a document that does not parse or does
     * not name one operation: execution reports that as the request error it is. The parser's default
     * options carry the configured token limit, so an oversized document is cut short here too.
     */
    private static OperationDefinition.Operation operation(JsonObject input) {
        Document document;
        try {
            document = Parser.parse(input.getString("query"));
        } catch (InvalidSyntaxException e) {
            return null;
        }
        String name = input.containsKey("operationName") ? input.getString("operationName") : null;
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition chosen = null;
        if (name != null) {
            chosen = operations.stream().filter(op -> name.equals(op.getName())).findFirst().orElse(null);
        } else if (operations.size() == 1) {
            chosen = operations.get(0);
        }
        return chosen == null ? null : chosen.getOperation();
    }

    /** Writes SmallRye's result with the negotiated type and the status the specification asks for. */
    private final class Writer implements ExecutionResponseWriter {

        private final RoutingContext ctx;
        private final String mediaType;

        Writer(RoutingContext ctx, String mediaType) {
            this.ctx = ctx;
            this.mediaType = mediaType;
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            boolean requestError = !result.isDataPresent()
                    || result.getErrors().stream().anyMatch(e -> REQUEST_ERRORS.contains(e.getErrorType()));
            // SmallRye answers a document it cannot parse itself, before the engine that translates errors.
            response = translator.translated(response, ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            String body = response.getExecutionResultAsString();
            if (requestError && result.isDataPresent()) {
                // SmallRye reports a variable that does not coerce as a validation error next to a
                // data object of nulls; a request error has no data, so the client must not see any.
                body = JSON.createObjectBuilder(response.getExecutionResultAsJsonObject()).remove("data").build()
                        .toString();
            }
            if (!requestError && GraphQLHttpResponses.onlyOutage(response.getExecutionResultAsJsonObject())) {
                errors.sendOutage(ctx, mediaType, body);
                return;
            }
            int status = requestError && GRAPHQL_RESPONSE_JSON.equals(mediaType) ? 400 : 200;
            errors.send(ctx, status, mediaType, body);
        }

        /** A failure outside the engine, answered as REST answers it (its problem, a 503 for an outage, a 500). */
        @Override
        public void fail(Throwable failure) {
            errors.respond(ctx, mediaType, translator.failure(failure, "GraphQL request"));
        }
    }
}
