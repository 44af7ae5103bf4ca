package id.satupintu.identity;

import static id.satupintu.support.GraphQLSubscriptions.CLOSED;
import static id.satupintu.support.GraphQLSubscriptions.init;
import static id.satupintu.support.GraphQLSubscriptions.next;
import static id.satupintu.support.GraphQLSubscriptions.open;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An API client's GraphQL WebSocket is not a way around the gate every HTTP call passes: each
 * operation on it is checked for revocation and rate limit and audited, and a revoked client's idle
 * socket is closed within seconds.
 */
@QuarkusTest
class ClientSocketGateTest {

    private static final String TYPENAME = "query { __typename }";

    @TestHTTPResource("/graphql")
    URL graphql;

    private record Client(String id, String token) {
    }

    private static Client client(int rateLimit) {
        String clientId = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Soket Uji", "kind", "integrator",
                        "scopes", List.of("applications:read"), "rateLimit", rateLimit))
                .post("/api/v1/api-clients").then().statusCode(201).extract().path("clientSecret");
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
        return new Client(clientId, token);
    }

    private WebSocket connect(Client client, BlockingQueue<JsonObject> messages) throws Exception {
        WebSocket socket = open(graphql, messages);
        init(socket, new JsonObject().put("Authorization", "Bearer " + client.token()));
        assertEquals("connection_ack", next(messages).getString("type"));
        return socket;
    }

    private static void operation(WebSocket socket, String id, String query) throws Exception {
        socket.sendText(new JsonObject().put("id", id).put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode(), true).get();
    }

    private static void revoke(Client client) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/api-clients/" + client.id() + "/revocation").then().statusCode(200);
    }

    @Test
    void everyOperationOnASocketCountsAgainstTheRateLimitAndIsAudited() throws Exception {
        Client client = client(3);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = connect(client, messages); // call 1
        try {
            operation(socket, "a", TYPENAME); // call 2
            JsonObject answer = next(messages);
            assertEquals("next", answer.getString("type"), answer.encode());
            assertEquals("a", answer.getString("id"));
            assertEquals("complete", next(messages).getString("type"));

            operation(socket, "b", TYPENAME); // call 3
            assertEquals("next", next(messages).getString("type"));
            assertEquals("complete", next(messages).getString("type"));

            operation(socket, "c", TYPENAME); // call 4: over the limit of 3
            JsonObject refused = next(messages);
            assertEquals("error", refused.getString("type"), refused.encode());
            assertEquals("c", refused.getString("id"));
            JsonObject extensions = refused.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions");
            assertEquals("client-rate-limited", extensions.getString("code"));
            assertEquals(429, extensions.getInteger("status"));
            assertTrue(extensions.getInteger("retryAfter") >= 1);
            // The socket stays open: a refused operation is not a refused connection.
            assertTrue(messages.poll(500, TimeUnit.MILLISECONDS) == null, "nothing else should arrive");
            assertTrue(!socket.isInputClosed());
        } finally {
            socket.abort();
        }

        // The audit log has the connection and each operation, the refused one with 429 (flushed within ~1 s).
        List<Integer> statuses = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            statuses = given().auth().oauth2(TestTokens.admin()).queryParam("client", client.id())
                    .queryParam("method", SubscriptionAuth.OPERATION).get("/api/v1/api-client-calls")
                    .then().statusCode(200).extract().path("items.status");
            if (statuses.size() == 3) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(List.of(200, 200, 429), statuses.stream().sorted().toList());
    }

    @Test
    void anOperationOfARevokedClientClosesItsSocket() throws Exception {
        Client client = client(100);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = connect(client, messages);
        try {
            revoke(client);
            operation(socket, "m", "mutation { fileComplaint(input: {}) { trackingCode } }");
            JsonObject answer = next(messages);
            assertEquals(CLOSED, answer.getString("type"), "the operation must not run: " + answer.encode());
            assertEquals(4403, answer.getInteger("code"));
        } finally {
            socket.abort();
        }
    }

    @Test
    void anIdleSocketOfARevokedClientIsClosedWithinSeconds() throws Exception {
        Client client = client(100);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = connect(client, messages);
        try {
            long revokedAt = System.nanoTime();
            revoke(client);
            JsonObject closed = messages.poll(10, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - revokedAt);
            assertTrue(closed != null, "the socket should be closed after the revocation");
            assertEquals(CLOSED, closed.getString("type"), closed.encode());
            assertEquals(4403, closed.getInteger("code"));
            assertTrue(seconds <= 8, "closed after " + seconds + " s");
        } finally {
            socket.abort();
        }
    }
}
