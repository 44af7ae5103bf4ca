package id.satupintu.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.events.Event;
import id.satupintu.platform.events.EventLog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Test
    void retriesRacingEachOtherDoTheWorkOnce() throws Exception {
        String stream = "idem:" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body(Map.of("name", "Budi", "count", 1))
                        .post("/api/v1/test-only/idempotent/" + stream)
                        .then().statusCode(201).extract().asString());
            }
            Set<String> bodies = new HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                bodies.add(result.get());
            }
            assertEquals(1, bodies.size(), "every retry must see the first result: " + bodies);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/test-only/idempotent/" + stream + "/count").then().body(equalTo("1"));
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String stream = "idem:" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Budi"))
                .post("/api/v1/test-only/idempotent/" + stream).then().statusCode(201);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Siti"))
                .post("/api/v1/test-only/idempotent/" + stream).then().statusCode(422)
                .body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void fieldOrderDoesNotMakeADifferentRequest() {
        String stream = "idem:" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"a\":1,\"b\":{\"x\":1,\"y\":2}}").post("/api/v1/test-only/idempotent/" + stream)
                .then().statusCode(201).extract().asString();
        String again = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"b\":{\"y\":2,\"x\":1},\"a\":1}").post("/api/v1/test-only/idempotent/" + stream)
                .then().statusCode(201).extract().asString();
        assertEquals(first, again);
    }

    @Test
    void withoutAKeyEveryRequestDoesTheWork() {
        String stream = "idem:" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("name", "Budi")).post("/api/v1/test-only/idempotent/" + stream)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "Budi")).post("/api/v1/test-only/idempotent/" + stream)
                .then().statusCode(201);
        given().get("/api/v1/test-only/idempotent/" + stream + "/count").then().body(equalTo("2"));
    }

    @Test
    void malformedKeyIsAProblem() {
        given().header("Idempotency-Key", "x".repeat(300)).contentType(ContentType.JSON).body(Map.of("a", 1))
                .post("/api/v1/test-only/idempotent/s").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    public record Created(long eventId, String stream) {
    }

    @Path("/api/v1/test-only/idempotent/{stream}")
    public static class Endpoint {

        @Inject
        Idempotency idempotency;

        @Inject
        EventLog log;

        @POST
        @WithTransaction
        public Uni<Response> create(@PathParam("stream") String stream, @HeaderParam("Idempotency-Key") String key,
                                    Map<String, Object> body) {
            return idempotency.once("test:" + stream, key, body, 201, Created.class,
                            () -> log.append(stream, "test.created", body).map(e -> new Created(e.id, stream)))
                    .map(outcome -> Response.status(outcome.status()).entity(outcome.body()).build());
        }

        @GET
        @Path("/count")
        @WithSession
        public Uni<Long> count(@PathParam("stream") String stream) {
            return Event.count("stream", stream);
        }
    }
}
