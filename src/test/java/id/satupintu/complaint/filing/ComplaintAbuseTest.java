package id.satupintu.complaint.filing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.complaint.ComplaintFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rate limits of anonymous and public submissions, and duplicates. */
@QuarkusTest
class ComplaintAbuseTest {

    @Test
    void anonymousSubmissionsAreLimitedPerClientAddress() {
        ComplaintFixtures f = new ComplaintFixtures();
        for (int i = 0; i < 5; i++) {
            f.file(null, f.body(null)).statusCode(201);
        }
        f.file(null, f.body(null)).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("complaint-rate-limited"));
        // Choosing anonymity while signed in counts against the address too.
        f.file(f.citizen, f.body("ANONYMOUS")).statusCode(429);
        // Another address is not affected; a signed-in citizen who stands behind a complaint is not limited.
        ComplaintFixtures other = new ComplaintFixtures();
        other.file(null, other.body(null)).statusCode(201);
        for (int i = 0; i < 3; i++) {
            f.file(f.citizen, f.body(null)).statusCode(201);
        }
        f.as(null).header("Accept-Language", "en").body(f.body(null)).post("/api/v1/complaints").then()
                .statusCode(429).body("detail", containsString("Try again in"));
    }

    @Test
    void aSpoofedForwardedForDoesNotMakeANewAddress() {
        ComplaintFixtures f = new ComplaintFixtures();
        // The trusted local proxy appends the real address; anything left of it is what the client sent.
        for (int i = 0; i < 5; i++) {
            forwardedFor(ComplaintFixtures.randomAddress() + ", " + f.address)
                    .body(f.body(null)).post("/api/v1/complaints").then().statusCode(201);
        }
        forwardedFor(ComplaintFixtures.randomAddress() + "," + f.address)
                .body(f.body(null)).post("/api/v1/complaints").then().statusCode(429)
                .body("code", equalTo("complaint-rate-limited"));
        // Several X-Forwarded-For headers make one list; the last hop still decides.
        given().header("X-Forwarded-For", ComplaintFixtures.randomAddress()).header("X-Forwarded-For", f.address)
                .contentType(ContentType.JSON)
                .body(f.body(null)).post("/api/v1/complaints").then().statusCode(429);
        // A hop that is not a trusted proxy is the client, whatever it claims to forward for.
        String untrustedProxy = ComplaintFixtures.randomAddress();
        for (int i = 0; i < 5; i++) {
            forwardedFor(ComplaintFixtures.randomAddress() + ", " + untrustedProxy)
                    .body(f.body(null)).post("/api/v1/complaints").then().statusCode(201);
        }
        forwardedFor(ComplaintFixtures.randomAddress() + ", " + untrustedProxy)
                .body(f.body(null)).post("/api/v1/complaints").then().statusCode(429);
    }

    /** An anonymous request with this X-Forwarded-For header only. */
    private static RequestSpecification forwardedFor(String header) {
        return given().header("X-Forwarded-For", header).contentType(ContentType.JSON);
    }

    @Test
    void apiClientsAreLimitedPerClient() {
        ComplaintFixtures f = new ComplaintFixtures();
        for (int i = 0; i < 8; i++) {
            // Each from another address: the client's own allowance is what counts.
            f.as(f.client).header("X-Forwarded-For", ComplaintFixtures.randomAddress()).body(f.body(null))
                    .post("/api/v1/complaints").then().statusCode(201);
        }
        f.file(f.client, f.body(null)).statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void identicalComplaintWithinTheWindowIsADuplicate() {
        ComplaintFixtures f = new ComplaintFixtures();
        Map<String, Object> body = f.body(null);
        String first = f.file(f.citizen, body).statusCode(201).extract().path("complaint.trackingCode");
        // Case, spacing and punctuation do not make it new.
        Map<String, Object> again = new java.util.LinkedHashMap<>(body);
        again.put("description", "  " + body.get("description").toString().toUpperCase().replace(" ", "   ") + "!!");
        f.file(f.citizen, again).statusCode(409).body("code", equalTo("complaint-duplicate"))
                .body("detail", containsString(first));
        // Another citizen saying the same thing is heard; so is the same citizen about something else.
        f.file(f.otherCitizen, body).statusCode(201);
        f.file(f.citizen, f.body(null)).statusCode(201);
        // Anonymous twins are recognised by their text alone (nothing about the sender is kept).
        Map<String, Object> anonymous = f.body(null);
        f.file(null, anonymous).statusCode(201);
        new ComplaintFixtures().file(null, anonymous).statusCode(409);
    }

    @Test
    void racingTwinsMakeOneComplaint() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        Map<String, Object> body = f.body(null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> file = () -> f.file(f.citizen, body).extract().statusCode();
                results.add(pool.submit(file));
            }
            int created = 0;
            int duplicates = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                created += status == 201 ? 1 : 0;
                duplicates += status == 409 ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(5, duplicates);
        } finally {
            pool.shutdownNow();
        }
    }
}
