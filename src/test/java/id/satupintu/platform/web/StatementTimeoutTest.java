package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.NoErrorsLogged;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL cancels a statement past the pool's statement_timeout (here 800 ms, the edge's deadline far
 * later): the request is answered 503 request-timed-out with Retry-After, in Indonesian by default, on
 * REST and GraphQL alike, and nothing is logged at ERROR: a busy database is not a bug.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortStatements.class)
@ExtendWith(NoErrorsLogged.class)
class StatementTimeoutTest {

    public static class ShortStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("satupintu.database.statement-timeout-ms", "800", "satupintu.http.request-timeout-ms", "20000");
        }
    }

    @Test
    void aStatementPostgresCancelsIsAnsweredAsTimedOut() throws Exception {
        try (SiteTableLock lock = new SiteTableLock()) {
            long started = System.nanoTime();
            given().get("/api/v1/sites")
                    .then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("request-timed-out"))
                    .body("title", equalTo("Permintaan terlalu lama"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Before the edge's deadline (20 s): PostgreSQL cancelled the statement, the edge did not step in.
            assertTrue(millis >= 700 && millis < 20000, "answered after " + millis + " ms");

            given().contentType("application/json").body("{\"query\":\"{ sites(first: 1) { items { code } } }\"}")
                    .post("/graphql")
                    .then().statusCode(503).header("Retry-After", equalTo("5"))
                    .body("errors[0].extensions.code", equalTo("request-timed-out"));
        }
        given().get("/api/v1/sites").then().statusCode(200);
    }
}
