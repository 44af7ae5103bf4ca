package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.support.GraphQLSubscriptions.CLOSED;
import static id.satupintu.support.GraphQLSubscriptions.init;
import static id.satupintu.support.GraphQLSubscriptions.next;
import static id.satupintu.support.GraphQLSubscriptions.open;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * graphql-transport-ws needs a valid token in connection_init; subscriptions then keep the scopes and
 * tenancy of HTTP calls.
 */
@QuarkusTest
class ApplicationSubscriptionAuthTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    private static String subscription(String trackingNumber) {
        return "subscription { applicationEvents(trackingNumber: \"" + trackingNumber + "\") { type state } }";
    }

    /** Sends connection_init with the payload and returns the close the server answered with. */
    private JsonObject refusedInit(JsonObject payload) throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = open(graphql, messages);
        init(socket, payload);
        JsonObject closed = next(messages);
        socket.abort();
        return closed;
    }

    private static JsonObject bearer(String token) {
        return new JsonObject().put("Authorization", "Bearer " + token);
    }

    @Test
    void aConnectionWithoutAGoodTokenIsClosedWith4403() throws Exception {
        for (JsonObject payload : new JsonObject[] {null, new JsonObject(), new JsonObject().put("Authorization", 42),
                new JsonObject().put("Authorization", "Bearer not-a-jwt"),
                new JsonObject().put("Authorization", "Basic b3NzOnNlY3JldA=="),
                new JsonObject().put("complaintSecret", " ")}) {
            JsonObject closed = refusedInit(payload);
            assertEquals(CLOSED, closed.getString("type"), closed.encode());
            assertEquals(4403, closed.getInteger("code"), "payload " + payload + ": " + closed.encode());
        }
    }

    @Test
    void subscribingBeforeTheAcknowledgementIsClosedWith4401() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = open(graphql, messages);
        socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", subscription("BDG-000000-XXXXXX-X"))).encode(), true).get();
        JsonObject closed = next(messages);
        socket.abort();
        assertEquals(CLOSED, closed.getString("type"), closed.encode());
        assertEquals(4401, closed.getInteger("code"));
    }

    @Test
    void aClientFollowsOnlyWhatItsScopesAndBindingAllow() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String clientId = UUID.randomUUID().toString();
        String writer = TestTokens.issue(new AccessTokenIssuer.Subject(clientId, "oss-sub", Set.of(Roles.INTEGRATOR),
                f.agency, null, Set.of(Scopes.APPLICATIONS_READ, Scopes.APPLICATIONS_WRITE), true));
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("nib", "1234567890123");
        body.put("kbli", "41012");
        String tn = ApplicationFixtures.file(writer, body).statusCode(201).extract().path("trackingNumber");

        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.subscribe(graphql, messages, writer, subscription(tn));
        try {
            JsonObject first = next(messages);
            assertEquals("next", first.getString("type"), first.encode());
            act(f.officer, tn, "start-verification").statusCode(200);
            JsonObject message = next(messages);
            while (!message.encode().contains("IN_VERIFICATION")) {
                message = next(messages);
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        // The same client without applications:read: the subscription ends with the scope error.
        String writeOnly = TestTokens.issue(new AccessTokenIssuer.Subject(clientId, "oss-sub", Set.of(Roles.INTEGRATOR),
                f.agency, null, Set.of(Scopes.APPLICATIONS_WRITE), true));
        assertTrue(refusedSubscription(writeOnly, tn).contains("\"code\":\"insufficient-scope\""));
        // Bound to another agency now: the application does not exist for it.
        String elsewhere = TestTokens.issue(new AccessTokenIssuer.Subject(clientId, "oss-sub", Set.of(Roles.INTEGRATOR),
                "DISDUKCAPIL-BDG", null, Set.of(Scopes.APPLICATIONS_READ), true));
        assertTrue(refusedSubscription(elsewhere, tn).contains("\"code\":\"application-not-found\""));
    }

    private String refusedSubscription(String token, String tn) throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.subscribe(graphql, messages, token, subscription(tn));
        try {
            // The refusal comes as the operation's result: a next with errors and no data.
            JsonObject message = next(messages);
            assertTrue(message.encode().contains("\"applicationEvents\":null") || "error".equals(message.getString("type")),
                    message.encode());
            return message.encode();
        } finally {
            socket.abort();
        }
    }

    @Test
    void revokedAndRateLimitedClientsAreRefusedAtConnectionInit() throws Exception {
        String admin = TestTokens.admin();
        String clientId = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Dasbor Uji", "kind", "integrator",
                        "scopes", List.of("applications:read"), "rateLimit", 2))
                .post("/api/v1/api-clients").then().statusCode(201).extract().path("clientSecret");
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");

        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = open(graphql, messages);
        init(socket, bearer(token));
        assertEquals("connection_ack", next(messages).getString("type"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        // Two calls spent (the connection and /me): the third connection is over the limit.
        assertEquals(1013, refusedInit(bearer(token)).getInteger("code"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).post("/api/v1/api-clients/" + clientId + "/revocation")
                .then().statusCode(200);
        assertEquals(4403, refusedInit(bearer(token)).getInteger("code"));
    }
}
