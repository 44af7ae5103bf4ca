package id.satupintu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A small graphql-transport-ws client for subscription tests. */
public final class GraphQLSubscriptions {

    private GraphQLSubscriptions() {
    }

    /** Opens a connection (with the token on the upgrade request, if any) and subscribes with id "1". */
    public static WebSocket subscribe(URL graphqlUrl, BlockingQueue<JsonObject> messages, String token, String query)
            throws Exception {
        URI ws = URI.create(graphqlUrl.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        WebSocket socket = builder.buildAsync(ws, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(new JsonObject(text.toString()));
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).get();
        assertEquals("connection_ack", next(messages).getString("type"));
        socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode(), true).get();
        return socket;
    }

    /** The next message; fails when none comes within ten seconds. */
    public static JsonObject next(BlockingQueue<JsonObject> messages) throws InterruptedException {
        JsonObject message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no message from the GraphQL WebSocket");
        return message;
    }
}
