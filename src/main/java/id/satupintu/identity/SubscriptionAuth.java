package id.satupintu.identity;

import id.satupintu.platform.graphql.GraphQLErrors;
import id.satupintu.platform.graphql.GraphQLOverHttp;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLOverWebSocketHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import id.satupintu.platform.error.Problem;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.error.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * GraphQL subscriptions (graphql-transport-ws on /graphql) need a token in the {@code connection_init}
 * payload: {@code {"type":"connection_init","payload":{"Authorization":"Bearer <token>"}}}. The
 * connection is closed with
 * <ul>
 * <li>4403 Forbidden when the payload has no token, the token does not verify, or its client was
 * revoked (the protocol's answer for a refused connection_init);</li>
 * <li>an anonymous complaint reporter has no token but a complaint secret: a payload with a
 * {@code complaintSecret} and no token opens an anonymous connection, on which only what anyone may
 * follow answers (a complaint whose subscription names its code and that secret, checked there);</li>
 * <li>1013 Try Again Later when the client is over its rate limit, or the database is away;</li>
 * <li>4401 Unauthorized when a subscribe comes before the connection is acknowledged (the protocol
 * handler's own rule);</li>
 * <li>1008 when the token expires while the connection is open (Quarkus's own timer);</li>
 * <li>4400 for a message that cannot be read (not JSON, or nested over 1000 levels).</li>
 * </ul>
 * Quarkus checks the payload token itself once told its key name
 * ({@code SmallRyeAuthGraphQLTransportWSSubprotocolHandler}) but lets a connection without one
 * through as anonymous; this handler takes the WebSocket upgrades of /graphql in front of
 * SmallRye's own (order -99) to refuse those, and passes client tokens through the same revocation,
 * rate-limit and audit check as every HTTP call ({@link ClientCallGate}). Resolvers then see the
 * token's caller, so scopes and tenancy hold as over HTTP.
 * <p>
 * On a client's socket every operation ({@code subscribe}: subscriptions, queries and mutations alike)
 * passes the same gate again, in the order the client sent them, and leaves its own audit line: over
 * the rate limit the operation gets an {@code error} message with {@code client-rate-limited} and the
 * socket stays open; a revoked client's socket is closed with 4403. Sockets of a client revoked while
 * they sit idle are closed within seconds by {@link ClientSockets}.
 */
@ApplicationScoped
class SubscriptionAuth {

    static final String PAYLOAD_KEY = "Authorization";
    static final String COMPLAINT_SECRET_KEY = "complaintSecret";
    private static final Logger LOG = Logger.getLogger(SubscriptionAuth.class);
    private static final String SUBPROTOCOL = "graphql-transport-ws";
    /** How an operation on a socket is written in the client's audit log (the method column). */
    static final String OPERATION = "WS-OP";
    /** Before SmallRye's WebSocket handler (-99), which then never sees an upgrade. */
    private static final int ORDER = -100;

    @Inject
    Instance<CurrentIdentityAssociation> identity;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    ClientCallGate gate;
    @Inject
    GraphQLOverHttp graphql;
    @Inject
    ClientSockets sockets;
    @Inject
    Clock clock;
    @Inject
    GraphQLErrors errors;

    void install(@Observes Router router) {
        Upgrades handler = new Upgrades(identity.isResolvable() ? identity.get() : null, currentRequest, gate, sockets,
                clock, errors);
        router.route(graphql.path()).order(ORDER).handler(handler);
    }

    /** Takes the WebSocket upgrades; every other request goes on to the HTTP handler. */
    static final class Upgrades extends SmallRyeGraphQLOverWebSocketHandler {

        private final ClientCallGate gate;
        private final ClientSockets sockets;
        private final Clock clock;
        private final GraphQLErrors errors;

        Upgrades(CurrentIdentityAssociation identity, CurrentVertxRequest request, ClientCallGate gate,
                 ClientSockets sockets, Clock clock, GraphQLErrors errors) {
            super(identity, request, false, Optional.of(PAYLOAD_KEY));
            this.gate = gate;
            this.sockets = sockets;
            this.clock = clock;
            this.errors = errors;
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            HttpServerRequest request = ctx.request();
            if (!request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true) || request.isEnded()) {
                ctx.next();
                return;
            }
            Map<String, Object> metadata = getMetaData(ctx);
            request.toWebSocket(upgraded -> {
                if (upgraded.failed()) {
                    LOG.debug("GraphQL WebSocket upgrade failed", upgraded.cause());
                    return;
                }
                ServerWebSocket socket = upgraded.result();
                Session session = new Session(socket);
                if (!SUBPROTOCOL.equals(socket.subProtocol())) {
                    session.close((short) 4406, "Subprotocol not acceptable");
                    return;
                }
                TokenRequired protocol = new TokenRequired(session, metadata, ctx, this, gate, sockets, clock, errors);
                socket.closeHandler(ignored -> protocol.onClose());
                socket.endHandler(ignored -> protocol.onEnd());
                socket.exceptionHandler(protocol::onThrowable);
                socket.textMessageHandler(protocol::onMessage);
            });
        }
    }

    /** graphql-transport-ws whose connection_init must carry a token that is still good. */
    static final class TokenRequired extends SmallRyeAuthGraphQLTransportWSSubprotocolHandler {

        private final GraphQLWebSocketSession session;
        private final RoutingContext ctx;
        private final ClientCallGate gate;
        private final ClientSockets sockets;
        private final Clock clock;
        private final GraphQLErrors errors;
        private boolean initSeen;
        /** Set once an API client's connection_init passed the gate: its operations pass it again. */
        private ClientSockets.OpenSocket client;
        /** A client's messages wait here while an operation before them is being checked. */
        private final ArrayDeque<JsonObject> waiting = new ArrayDeque<>();
        private boolean checking;

        TokenRequired(GraphQLWebSocketSession session, Map<String, Object> metadata, RoutingContext ctx,
                      SmallRyeGraphQLAbstractHandler handler, ClientCallGate gate, ClientSockets sockets,
                      Clock clock, GraphQLErrors errors) {
            super(session, metadata, ctx, handler, Optional.of(PAYLOAD_KEY));
            this.session = session;
            this.ctx = ctx;
            this.gate = gate;
            this.sockets = sockets;
            this.clock = clock;
            this.errors = errors;
        }

        /** SmallRye's own error answers (a document it cannot parse) carry the API's codes too. */
        @Override
        protected void sendErrorMessage(String operationId, ExecutionResponse response) throws IOException {
            super.sendErrorMessage(operationId, errors.translated(response,
                    ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        }

        @Override
        public void onClose() {
            forget();
            super.onClose();
        }

        @Override
        public void onEnd() {
            forget();
            super.onEnd();
        }

        private void forget() {
            if (client != null) {
                sockets.closed(client);
            }
            waiting.clear();
        }

        /**
         * Reads the message as SmallRye does, but closes a message nested too deeply (over Parsson's 1000
         * levels, refused with a bare RuntimeException that SmallRye lets escape to Vert.x, logged as
         * uncaught with the socket left waiting) with 4400, as it closes any other message it cannot read.
         */
        @Override
        public void onMessage(String text) {
            JsonObject message;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                message = reader.readObject();
            } catch (JsonException e) {
                session.close((short) 4400, "Invalid message");
                return;
            } catch (RuntimeException tooDeep) {
                session.close((short) 4400, "Message nested too deeply");
                return;
            }
            onMessage(message);
        }

        @Override
        protected void onMessage(JsonObject message) {
            if (client != null) {
                waiting.add(message);
                drain();
                return;
            }
            if (initSeen || !"connection_init".equals(message.getString("type", null))) {
                super.onMessage(message);
                return;
            }
            initSeen = true;
            String token = ClientCallGate.bearer(payloadText(message, PAYLOAD_KEY));
            if (token == null && !isBlank(payloadText(message, COMPLAINT_SECRET_KEY))) {
                super.onMessage(message);
                return;
            }
            if (token == null) {
                session.close((short) 4403, "Forbidden: connection_init needs {\"Authorization\": \"Bearer <token>\"}");
                return;
            }
            ClientCallGate.ClientToken clientToken = gate.clientToken(token);
            if (clientToken == null) {
                super.onMessage(message); // a person's token, or one that does not verify: Quarkus answers 4403
                return;
            }
            Context context = Vertx.currentContext();
            // The audit entry's time from the clock; the duration from nanoTime, which no pinned clock moves.
            long startedAt = clock.now().toEpochMilli();
            long started = System.nanoTime();
            gate.admit(clientToken).subscribe().with(admission -> context.runOnContext(ignored -> {
                gate.audit(clientToken.clientId(), "GET", ctx.request().path(),
                        admission.refusal() == null ? 101 : admission.refusal().status(), startedAt,
                        (System.nanoTime() - started) / 1_000_000);
                if (admission.refusal() == null) {
                    client = new ClientSockets.OpenSocket(clientToken, session, context);
                    sockets.opened(client);
                    super.onMessage(message);
                } else if (admission.refusal().status() == 429) {
                    session.close((short) 1013, "Rate limit reached");
                } else if (admission.refusal().status() == 503) {
                    // 1013 Try Again Later: the database is away, the client may reconnect shortly.
                    session.close((short) 1013, "Database unavailable");
                } else {
                    session.close((short) 4403, "Forbidden: token revoked");
                }
            }), failure -> context.runOnContext(ignored -> {
                LOG.errorf(failure, "client check failed for %s", clientToken.clientId());
                session.close((short) 1011, "Internal error");
            }));
        }

        /**
         * Hands the client's messages on in the order they came, each operation after the gate said yes:
         * a {@code complete} must not overtake the {@code subscribe} it ends.
         */
        private void drain() {
            while (!checking && !waiting.isEmpty()) {
                JsonObject message = waiting.poll();
                if (!"subscribe".equals(message.getString("type", null))) {
                    super.onMessage(message);
                    continue;
                }
                checking = true;
                Context context = Vertx.currentContext();
                // The audit entry's time from the clock; the duration from nanoTime, which no pinned clock moves.
            long startedAt = clock.now().toEpochMilli();
            long started = System.nanoTime();
                gate.admit(client.token()).subscribe().with(admission -> context.runOnContext(ignored -> {
                    checking = false;
                    ProblemException refusal = admission.refusal();
                    gate.audit(client.token().clientId(), OPERATION, ctx.request().path(),
                            refusal == null ? 200 : refusal.status(), startedAt,
                            (System.nanoTime() - started) / 1_000_000);
                    if (refusal == null) {
                        super.onMessage(message);
                    } else if (refusal.status() == 429 || refusal.status() == 503) {
                        try {
                            session.sendMessage(operationError(message, refusal));
                        } catch (IOException gone) {
                            LOG.debug("GraphQL WebSocket closed before a refusal could be sent", gone);
                        }
                    } else {
                        sockets.closed(client);
                        waiting.clear();
                        session.close(ClientSockets.REVOKED, "Forbidden: token revoked");
                        return;
                    }
                    drain();
                }), failure -> context.runOnContext(ignored -> {
                    LOG.errorf(failure, "client check failed for %s", client.token().clientId());
                    session.close((short) 1011, "Internal error");
                }));
            }
        }

        /** The protocol's error message for one operation, carrying the API's problem code. */
        private String operationError(JsonObject message, ProblemException refusal) {
            Problem problem = gate.describe(refusal, ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                    ctx.request().path());
            JsonObjectBuilder extensions = Json.createObjectBuilder().add("code", problem.code())
                    .add("status", problem.status());
            String retryAfter = refusal.headers().get("Retry-After");
            if (retryAfter != null) {
                extensions.add("retryAfter", Integer.parseInt(retryAfter));
            }
            JsonObjectBuilder error = Json.createObjectBuilder()
                    .add("message", problem.detail() == null ? problem.title() : problem.detail())
                    .add("extensions", extensions);
            JsonObjectBuilder answer = Json.createObjectBuilder().add("type", "error")
                    .add("payload", Json.createArrayBuilder().add(error));
            JsonValue id = message.get("id");
            if (id != null) {
                answer.add("id", id);
            }
            return answer.build().toString();
        }

        private static String payloadText(JsonObject message, String key) {
            JsonValue payload = message.get("payload");
            if (payload == null || payload.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonValue value = payload.asJsonObject().get(key);
            return value instanceof JsonString text ? text.getString() : null;
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** The WebSocket as SmallRye's protocol handlers write to it. */
    static final class Session implements GraphQLWebSocketSession {

        private final ServerWebSocket socket;

        Session(ServerWebSocket socket) {
            this.socket = socket;
        }

        @Override
        public void sendMessage(String message) {
            socket.writeTextMessage(message);
        }

        @Override
        public void close(short statusCode, String reason) {
            socket.close(statusCode, reason);
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }
    }
}
