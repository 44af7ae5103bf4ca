package id.satupintu.identity;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The GraphQL WebSockets of API clients open on this instance. A socket outlives the check made when it
 * opened, so every few seconds the clients behind the open sockets are looked up in one statement and a
 * socket whose client was revoked (or whose token generation moved on: rotation, edits) is closed with
 * 4403, the answer it would get if it connected now. Each instance watches its own sockets against the
 * shared table, so a revocation made on any replica closes them everywhere.
 */
@ApplicationScoped
class ClientSockets {

    private static final Logger LOG = Logger.getLogger(ClientSockets.class);
    static final short REVOKED = 4403;

    static final String STATE = "select id, active, token_generation from identity_api_client where id = any($1)";

    /** One open socket: the client token it was opened with, and the event loop it belongs to. */
    record OpenSocket(ClientCallGate.ClientToken token, GraphQLWebSocketSession session, Context context) {
    }

    private final Set<OpenSocket> open = ConcurrentHashMap.newKeySet();

    @Inject
    Pool pool;

    void opened(OpenSocket socket) {
        open.add(socket);
    }

    void closed(OpenSocket socket) {
        open.remove(socket);
    }

    int count() {
        return open.size();
    }

    @Scheduled(every = "${satupintu.clients.socket-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeRevoked() {
        if (open.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] clients = open.stream().map(socket -> socket.token().clientId()).distinct().toArray(UUID[]::new);
        return pool.preparedQuery(STATE).execute(Tuple.tuple().addArrayOfUUID(clients))
                .map(rows -> {
                    Map<UUID, Integer> current = new HashMap<>();
                    for (Row row : rows) {
                        if (row.getBoolean("active")) {
                            current.put(row.getUUID("id"), row.getInteger("token_generation"));
                        }
                    }
                    for (OpenSocket socket : open) {
                        Integer generation = current.get(socket.token().clientId());
                        if (generation == null || generation != socket.token().generation()) {
                            open.remove(socket);
                            socket.context().runOnContext(ignored -> {
                                if (!socket.session().isClosed()) {
                                    socket.session().close(REVOKED, "Forbidden: token revoked");
                                }
                            });
                        }
                    }
                    return (Void) null;
                })
                .onFailure().recoverWithItem(failure -> {
                    // The next round tries again; the per-operation gate still refuses a revoked client.
                    LOG.warnf("could not check the clients of %d open sockets: %s", open.size(), failure.getMessage());
                    return null;
                });
    }
}
