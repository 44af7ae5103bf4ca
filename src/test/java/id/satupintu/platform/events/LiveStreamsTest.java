package id.satupintu.platform.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class LiveStreamsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void followerGetsWhatItMissedThenLiveEventsInOrder() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        long first = append(stream, "one");
        long second = append(stream, "two");

        try (SseClient client = SseClient.open(base, stream, null)) {
            assertEquals("id:" + first, client.nextId());
            assertEquals("id:" + second, client.nextId());
            long third = append(stream, "three");
            assertEquals("id:" + third, client.nextId());
        }
    }

    @Test
    void resumeWithLastEventIdLosesNothingAndRepeatsNothing() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        append(stream, "one");
        long second = append(stream, "two");
        long third = append(stream, "three");
        try (SseClient client = SseClient.open(base, stream, Long.toString(second))) {
            assertEquals("id:" + third, client.nextId());
            long fourth = append(stream, "four");
            assertEquals("id:" + fourth, client.nextId());
        }
    }

    @Test
    void rolledBackChangeIsNeverAnnounced() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        try (SseClient client = SseClient.open(base, stream, null)) {
            given().queryParam("fail", true).post("/api/v1/test-only/streams/" + stream).then().statusCode(409);
            long kept = append(stream, "kept");
            assertEquals("id:" + kept, client.nextId());
        }
    }

    @Test
    void longHistoriesAreReplayedInFullPageByPage() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        String ids = given().post("/api/v1/test-only/streams/" + stream + "/bulk?count=1200").then().statusCode(200)
                .extract().asString();
        long first = Long.parseLong(ids.split(",")[0]);
        long last = Long.parseLong(ids.split(",")[1]);
        try (SseClient client = SseClient.open(base, stream, null)) {
            assertEquals("id:" + first, client.nextId());
            String seen = null;
            for (int i = 1; i < 1200; i++) {
                seen = client.nextId();
            }
            assertEquals("id:" + last, seen);
        }
    }

    @Test
    void aBoardWithoutPositionStartsFromItsRecentPast() throws Exception {
        String stream = "test:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            append(stream, "call" + i);
        }
        long newest = append(stream, "newest");
        long beforeNewest = newest - 1;
        try (SseClient client = SseClient.open(base, stream, null, "/recent")) {
            String firstSeen = client.nextId();
            assertTrue(Long.parseLong(firstSeen.substring(3)) >= beforeNewest, firstSeen);
            long next = append(stream, "live");
            String id;
            do {
                id = client.nextId();
            } while (id != null && !id.equals("id:" + next));
            assertEquals("id:" + next, id);
        }
    }

    @Test
    void silentStreamSendsHeartbeats() throws Exception {
        try (SseClient client = SseClient.open(base, "test:" + UUID.randomUUID(), null)) {
            assertTrue(client.awaitLine(line -> line.startsWith(":"), 5), "no heartbeat comment within 5 s");
        }
    }

    @Test
    void malformedLastEventIdIsAProblem() {
        given().header("Last-Event-ID", "abc").accept("text/event-stream")
                .get("/api/v1/test-only/streams/x/events").then().statusCode(400);
    }

    private static long append(String stream, String what) {
        return given().post("/api/v1/test-only/streams/" + stream + "?what=" + what)
                .then().statusCode(200).extract().asString().transform(Long::parseLong);
    }

    /** Reads an SSE response line by line on a background thread. */
    public static final class SseClient implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<Stream<String>> open = new ArrayList<>();

        static SseClient open(URL base, String stream, String lastEventId) throws Exception {
            return open(base, stream, lastEventId, "");
        }

        static SseClient open(URL base, String stream, String lastEventId, String variant) throws Exception {
            Map<String, String> headers = lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId);
            return connect(URI.create(base + "api/v1/test-only/streams/" + stream + "/events" + variant), headers);
        }

        /** Opens an SSE stream with the given request headers; fails unless the answer is 200. */
        public static SseClient connect(URI uri, Map<String, String> headers) throws Exception {
            SseClient client = new SseClient();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            headers.forEach(request::header);
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            client.open.add(response.body());
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(client.lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
            return client;
        }

        public String nextId() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("id:")) {
                    return line.replace(" ", "");
                }
            }
            return null;
        }

        public boolean awaitLine(java.util.function.Predicate<String> test, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && test.test(line)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            open.forEach(Stream::close);
        }
    }

    /** Test-only endpoints: a state change that writes an event, and the stream that follows it. */
    @Path("/api/v1/test-only/streams/{stream}")
    public static class Streams {

        @Inject
        EventLog log;

        @Inject
        LiveStreams live;

        @POST
        @WithTransaction
        public Uni<Long> change(@PathParam("stream") String stream, @QueryParam("what") String what,
                                @QueryParam("fail") boolean fail) {
            return log.append(stream, "test.changed", Map.of("what", String.valueOf(what))).map(event -> {
                if (fail) {
                    throw id.satupintu.platform.error.ProblemException.conflict("conflict");
                }
                return event.id;
            });
        }

        @POST
        @Path("/bulk")
        @WithTransaction
        public Uni<String> bulk(@PathParam("stream") String stream, @QueryParam("count") int count) {
            Uni<Long> chain = Uni.createFrom().item(0L);
            java.util.concurrent.atomic.AtomicLong first = new java.util.concurrent.atomic.AtomicLong();
            for (int i = 0; i < count; i++) {
                int n = i;
                chain = chain.chain(previous -> log.append(stream, "test.bulk", Map.of("n", n)).map(e -> {
                    first.compareAndSet(0, e.id);
                    return e.id;
                }));
            }
            return chain.map(last -> first.get() + "," + last);
        }

        @GET
        @Path("/events/recent")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public Multi<OutboundSseEvent> recent(@PathParam("stream") String stream,
                                              @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
            return live.sseRecent(sse, stream, lastEventId, 2);
        }

        @GET
        @Path("/events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public Multi<OutboundSseEvent> events(@PathParam("stream") String stream,
                                              @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
            return live.sse(sse, stream, lastEventId);
        }
    }
}
