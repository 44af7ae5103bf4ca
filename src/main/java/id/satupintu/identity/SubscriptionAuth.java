package id.satupintu.identity;

import id.satupintu.platform.graphql.GraphQLOverHttp;
import id.satupintu.platform.jobs.Clock;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLOverWebSocketHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * <li>1013 Try Again Later when the client is over its rate limit;</li>
 * <li>4401 Unauthorized when a subscribe comes before the connection is acknowledged (the protocol
 * handler's own rule);</li>
 * <li>1008 when the token expires while the connection is open (Quarkus's own timer).</li>
 * </ul>
 * Quarkus checks the payload token itself once told its key name
 * ({@code SmallRyeAuthGraphQLTransportWSSubprotocolHandler}) but lets a connection without one
 * through as anonymous; this handler takes the WebSocket upgrades of /graphql in front of
 * SmallRye's own (order -99) to refuse those, and passes client tokens through the same revocation,
 * rate-limit and audit check as every HTTP call ({@link ClientCallGate}). Resolvers then see the
 * token's caller, so scopes and tenancy hold as over HTTP.
 */
@ApplicationScoped
public class SubscriptionAuth {

    static final String PAYLOAD_KEY = "Authorization";
    static final String COMPLAINT_SECRET_KEY = "complaintSecret";
    private static final Logger LOG = Logger.getLogger(SubscriptionAuth.class);
    private static final String SUBPROTOCOL = "graphql-transport-ws";
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
    Clock clock;

    void install(@Observes Router router) {
        Upgrades handler = new Upgrades(identity.isResolvable() ? identity.get() : null, currentRequest, gate, clock);
        router.route(graphql.path()).order(ORDER).handler(handler);
    }

    /** Takes the WebSocket upgrades; every other request goes on to the HTTP handler. */
    static final class Upgrades extends SmallRyeGraphQLOverWebSocketHandler {

        private final ClientCallGate gate;
        private final Clock clock;

        Upgrades(CurrentIdentityAssociation identity, CurrentVertxRequest request, ClientCallGate gate, Clock clock) {
            super(identity, request, false, Optional.of(PAYLOAD_KEY));
            this.gate = gate;
            this.clock = clock;
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
                TokenRequired protocol = new TokenRequired(session, metadata, ctx, this, gate, clock);
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
        private final Clock clock;
        private boolean initSeen;

        TokenRequired(GraphQLWebSocketSession session, Map<String, Object> metadata, RoutingContext ctx,
                      SmallRyeGraphQLAbstractHandler handler, ClientCallGate gate, Clock clock) {
            super(session, metadata, ctx, handler, Optional.of(PAYLOAD_KEY));
            this.session = session;
            this.ctx = ctx;
            this.gate = gate;
            this.clock = clock;
        }

        @Override
        protected void onMessage(JsonObject message) {
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
            ClientCallGate.ClientToken client = gate.clientToken(token);
            if (client == null) {
                super.onMessage(message); // a person's token, or one that does not verify: Quarkus answers 4403
                return;
            }
            Context context = Vertx.currentContext();
            // The audit entry's time from the clock; the duration from nanoTime, which no pinned clock moves.
            long startedAt = clock.now().toEpochMilli();
            long started = System.nanoTime();
            gate.admit(client).subscribe().with(admission -> context.runOnContext(ignored -> {
                gate.audit(client.clientId(), "GET", ctx.request().path(),
                        admission.refusal() == null ? 101 : admission.refusal().status(), startedAt,
                        (System.nanoTime() - started) / 1_000_000);
                if (admission.refusal() == null) {
                    super.onMessage(message);
                } else if (admission.refusal().status() == 429) {
                    session.close((short) 1013, "Rate limit reached");
                } else {
                    session.close((short) 4403, "Forbidden: token revoked");
                }
            }), failure -> context.runOnContext(ignored -> {
                LOG.errorf(failure, "client check failed for %s", client.clientId());
                session.close((short) 1011, "Internal error");
            }));
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
