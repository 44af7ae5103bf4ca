package id.satupintu.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.events.LiveStreamsTest.SseClient;
import id.satupintu.support.GraphQLSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** Live status for the reporter: SSE (with Last-Event-ID) and the GraphQL subscription, anonymous ones by secret. */
@QuarkusTest
class ComplaintLiveTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource("/graphql")
    URL graphql;

    private SseClient follow(String token, String secret, String code, String lastEventId) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (secret != null) {
            headers.put("X-Complaint-Secret", secret);
        }
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.connect(URI.create(base + "api/v1/complaints/" + code + "/events"), headers);
    }

    @Test
    void anonymousReporterFollowsWithTheSecretAndResumes() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String filed;
        try (SseClient client = follow(null, anonymous[1], anonymous[0], null)) {
            filed = client.nextId();
            assertNotNull(filed, "the filing is replayed");
            f.act(f.desk, anonymous[0], "verify").statusCode(200);
            assertTrue(client.awaitLine(line -> line.startsWith("event:") && line.contains("complaint.verify"), 10));
        }
        f.act(f.desk, anonymous[0], "forward", Map.of("agencyCode", f.agency)).statusCode(200);
        f.as(f.officer).body(Map.of("text", "catatan internal", "visibility", "INTERNAL"))
                .post("/api/v1/complaints/" + anonymous[0] + "/responses").then().statusCode(201);
        f.act(f.officer, anonymous[0], "answer", Map.of("note", "Sudah kami tindak.")).statusCode(200);
        try (SseClient client = follow(null, anonymous[1], anonymous[0], filed.substring(3))) {
            long verify = Long.parseLong(client.nextId().substring(3));
            long forward = Long.parseLong(client.nextId().substring(3));
            long answer = Long.parseLong(client.nextId().substring(3));
            assertTrue(Long.parseLong(filed.substring(3)) < verify && verify < forward && forward < answer);
            // The internal note never reaches the stream.
            assertTrue(client.awaitLine(line -> line.startsWith(":"), 5), "heartbeat, nothing more");
        }
        f.as(null).accept("text/event-stream").get("/api/v1/complaints/" + anonymous[0] + "/events").then()
                .statusCode(404);
        f.withSecret("salah").accept("text/event-stream").get("/api/v1/complaints/" + anonymous[0] + "/events").then()
                .statusCode(404);
        f.withSecret(anonymous[1]).accept("text/event-stream").header("Last-Event-ID", "abc")
                .get("/api/v1/complaints/" + anonymous[0] + "/events").then().statusCode(400);
    }

    @Test
    void subscriptionForTheReporterNotForStrangers() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.filed();
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.subscribe(graphql, messages, f.citizen,
                "subscription { complaintEvents(trackingCode: \"" + code + "\") { id type trackingCode state } }");
        try {
            JsonObject filed = event(GraphQLSubscriptions.next(messages));
            assertEquals("complaint.file", filed.getString("type"));
            f.act(f.desk, code, "verify").statusCode(200);
            JsonObject verified = event(GraphQLSubscriptions.next(messages));
            assertEquals("VERIFIED", verified.getString("state"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        String[] anonymous = f.filedAnonymously();
        BlockingQueue<JsonObject> anonymousMessages = new LinkedBlockingQueue<>();
        WebSocket anonymousSocket = GraphQLSubscriptions.subscribe(graphql, anonymousMessages,
                new JsonObject().put("complaintSecret", anonymous[1]),
                "subscription { complaintEvents(trackingCode: \"" + anonymous[0] + "\", secret: \"" + anonymous[1]
                        + "\") { id type state } }");
        try {
            assertEquals("RECEIVED", event(GraphQLSubscriptions.next(anonymousMessages)).getString("state"));
        } finally {
            anonymousSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        BlockingQueue<JsonObject> strangerMessages = new LinkedBlockingQueue<>();
        WebSocket stranger = GraphQLSubscriptions.subscribe(graphql, strangerMessages, f.otherCitizen,
                "subscription { complaintEvents(trackingCode: \"" + code + "\") { id type state } }");
        try {
            JsonObject message = GraphQLSubscriptions.next(strangerMessages);
            assertEquals("complaint-not-found", message.getJsonObject("payload").getJsonArray("errors")
                    .getJsonObject(0).getJsonObject("extensions").getString("code"), message.encode());
            assertFalse(message.encode().contains("RECEIVED"));
        } finally {
            stranger.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void theDeskFollowsItsSiteLive() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        URI desk = URI.create(base + "api/v1/sites/" + f.site + "/complaint-events");
        try (SseClient client = SseClient.connect(desk, Map.of("Authorization", "Bearer " + f.desk))) {
            String code = f.filed();
            assertTrue(client.awaitLine(line -> line.startsWith("data:") && line.contains(code), 10));
        }
        f.as(f.officer).accept("text/event-stream").get("/api/v1/sites/" + f.site + "/complaint-events").then()
                .statusCode(403);
        f.as(f.otherDesk).accept("text/event-stream").get("/api/v1/sites/" + f.site + "/complaint-events").then()
                .statusCode(403);
        f.as(null).accept("text/event-stream").get("/api/v1/sites/" + f.site + "/complaint-events").then()
                .statusCode(401);
    }

    private static JsonObject event(JsonObject message) {
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("complaintEvents");
    }
}
