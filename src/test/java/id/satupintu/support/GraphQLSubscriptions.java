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

    /** What the listener adds to the messages when the server closes the connection. */
    public static final String CLOSED = "__closed";

    /**
     * Opens a connection with the token in the connection_init payload, as the service requires, and
     * subscribes with id "1".
     */
    public static WebSocket subscribe(URL graphqlUrl, BlockingQueue<JsonObject> messages, String token, String query)
            throws Exception {
        return subscribe(graphqlUrl, messages, token == null ? null : new JsonObject().put("Authorization", "Bearer " + token),
                query);
    }

    /** As above with the given connection_init payload (e.g. an anonymous reporter's complaintSecret). */
    public static WebSocket subscribe(URL graphqlUrl, BlockingQueue<JsonObject> messages, JsonObject initPayload,
                                      String query) throws Exception {
        WebSocket socket = open(graphqlUrl, messages);
        init(socket, initPayload);
        assertEquals("connection_ack", next(messages).getString("type"));
        socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode(), true).get();
        return socket;
    }

    /**
     * Opens a graphql-transport-ws connection without initialising it. Every text message goes to
     * messages, and so does the server's close, as {"type": "__closed", "code": ..., "reason": ...}.
     */
    public static WebSocket open(URL graphqlUrl, BlockingQueue<JsonObject> messages) throws Exception {
        URI ws = URI.create(graphqlUrl.toString().replaceFirst("^http", "ws"));
        return HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(ws, new WebSocket.Listener() {
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

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        messages.add(new JsonObject().put("type", CLOSED).put("code", statusCode).put("reason", reason));
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** Sends connection_init with the payload (none when null). */
    public static void init(WebSocket socket, JsonObject payload) throws Exception {
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (payload != null) {
            init.put("payload", payload);
        }
        socket.sendText(init.encode(), true).get();
    }

    /** The next message; fails when none comes within ten seconds. */
    public static JsonObject next(BlockingQueue<JsonObject> messages) throws InterruptedException {
        JsonObject message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no message from the GraphQL WebSocket");
        return message;
    }
}
