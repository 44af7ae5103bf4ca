package id.satupintu.platform.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.GraphQLSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idle followers and slow readers cannot exhaust a replica: at most satupintu.sse.max-streams streams
 * (here 2), over SSE and GraphQL alike, and at most satupintu.sse.max-backlog live events (here 3)
 * waiting for one follower.
 */
@QuarkusTest
@TestProfile(StreamLimitsTest.SmallLimits.class)
class StreamLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("satupintu.sse.max-streams", "2", "satupintu.sse.max-backlog", "3");
        }
    }

    private static final String BOARD = "api/v1/sites/MPP-BDG/board/events";

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    LiveStreams live;

    @Inject
    OpenStreams streams;

    @Test
    void aReplicaAtItsMaximumRefusesTheNextStreamOnEveryChannel() throws Exception {
        LiveStreamsTest.SseClient first = LiveStreamsTest.SseClient.connect(URI.create(base + BOARD), Map.of());
        try (LiveStreamsTest.SseClient second = LiveStreamsTest.SseClient.connect(URI.create(base + BOARD), Map.of())) {
            given().accept("text/event-stream").when().get("/" + BOARD).then()
                    .statusCode(503).header("Retry-After", "5")
                    .contentType("application/problem+json").body("code", equalTo("too-many-streams"));

            BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
            WebSocket socket = GraphQLSubscriptions.subscribe(graphql, messages,
                    QueueFixtures.device(Roles.DISPLAY_BOARD, "MPP-BDG"),
                    "subscription { boardEvents(site: \"MPP-BDG\") { type } }");
            JsonObject refused = GraphQLSubscriptions.next(messages);
            assertTrue(refused != null, "no answer to the subscription");
            // SmallRye sends an error raised by the subscription's stream as a result with errors.
            assertEquals("too-many-streams", refused.getJsonObject("payload").getJsonArray("errors")
                    .getJsonObject(0).getJsonObject("extensions").getString("code"), refused.encode());
            socket.abort();

            // A follower that leaves frees its place (noticed at the next heartbeat write).
            first.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (streams.count() >= 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            try (LiveStreamsTest.SseClient again = LiveStreamsTest.SseClient.connect(URI.create(base + BOARD), Map.of())) {
                assertTrue(again.awaitLine(line -> line.startsWith(":"), 5), "the freed place was not given to a new stream");
            }
        }
    }

    @Test
    void aReaderThatFallsTooFarBehindIsEndedNotBuffered() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        // One event read, then the reader stops asking (its socket is full, in real life).
        AssertSubscriber<PublishedEvent> slow = live.events(stream, 0).subscribe().withSubscriber(AssertSubscriber.create(1));
        long[] ids = new long[6];
        ids[0] = append(stream, 0);
        slow.awaitItems(1);
        for (int i = 1; i < ids.length; i++) {
            ids[i] = append(stream, i);
        }
        Thread.sleep(1000); // every NOTIFY has reached the hub
        slow.request(100);
        slow.awaitCompletion();
        assertEquals(4, slow.getItems().size(), "the one read, then only the backlog's worth held for it");
        assertEquals(ids[3], slow.getItems().get(3).id());
        // What it missed is in the table: resuming after the last one it got gives the rest.
        AssertSubscriber<PublishedEvent> resumed = live.events(stream, ids[3]).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        resumed.awaitItems(2);
        assertEquals(ids[4], resumed.getItems().get(0).id());
        assertEquals(ids[5], resumed.getItems().get(1).id());
        resumed.cancel();
    }

    private static long append(String stream, int n) {
        return given().post("/api/v1/test-only/streams/" + stream + "?what=e" + n)
                .then().statusCode(200).extract().asString().transform(Long::parseLong);
    }
}
