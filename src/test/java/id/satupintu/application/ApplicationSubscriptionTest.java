package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationSubscriptionTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    private WebSocket subscribe(BlockingQueue<JsonObject> messages, String token, String trackingNumber) throws Exception {
        return GraphQLSubscriptions.subscribe(graphql, messages, token, "subscription { applicationEvents(trackingNumber: \""
                + trackingNumber + "\") { id type trackingNumber state ossStatusCode } }");
    }

    @Test
    void applicantFollowsStepsFromFilingOnThenLive() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(messages, f.citizen, tn);
        try {
            JsonObject submitted = event(GraphQLSubscriptions.next(messages));
            assertEquals(tn, submitted.getString("trackingNumber"));
            act(f.officer, tn, "start-verification").statusCode(200);
            JsonObject verifying = event(GraphQLSubscriptions.next(messages));
            assertEquals("application.start-verification", verifying.getString("type"));
            assertEquals("IN_VERIFICATION", verifying.getString("state"));
            assertTrue(verifying.getLong("id") > submitted.getLong("id"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void anotherCitizenLearnsNothing() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(messages, TestTokens.citizen(java.util.UUID.randomUUID().toString()), tn);
        try {
            JsonObject message = GraphQLSubscriptions.next(messages);
            JsonObject error = message.getJsonObject("payload").getJsonArray("errors").getJsonObject(0);
            assertEquals("application-not-found", error.getJsonObject("extensions").getString("code"), message.encode());
            assertFalse(message.encode().contains("SUBMITTED"), message.encode());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static JsonObject event(JsonObject message) {
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("applicationEvents");
    }
}
