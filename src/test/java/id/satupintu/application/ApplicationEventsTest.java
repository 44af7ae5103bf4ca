package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.platform.events.LiveStreamsTest.SseClient;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationEventsTest {

    @TestHTTPResource("/")
    URL base;

    private SseClient follow(String token, String trackingNumber, String lastEventId) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseClient.connect(URI.create(base + "api/v1/applications/" + trackingNumber + "/events"), headers);
    }

    @Test
    void applicantFollowsLiveAndResumesWithoutLoss() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        String submitted;
        try (SseClient client = follow(f.citizen, tn, null)) {
            submitted = client.nextId();
            assertNotNull(submitted, "the submission event is replayed");
            act(f.officer, tn, "start-verification").statusCode(200);
            assertTrue(client.awaitLine(line -> line.startsWith("event:") && line.contains("application.start-verification"), 10));
        }
        // While disconnected two more steps happen; the reconnect gets both, in order, then live ones.
        act(f.officer, tn, "verify").statusCode(200);
        act(f.supervisor, tn, "approve").statusCode(200);
        try (SseClient client = follow(f.citizen, tn, submitted.substring(3))) {
            String second = client.nextId();
            String third = client.nextId();
            String fourth = client.nextId();
            assertNotNull(fourth);
            long a = Long.parseLong(second.substring(3));
            long b = Long.parseLong(third.substring(3));
            long c = Long.parseLong(fourth.substring(3));
            assertTrue(Long.parseLong(submitted.substring(3)) < a && a < b && b < c);
            act(f.supervisor, tn, "issue-permit").statusCode(200);
            String live = client.nextId();
            assertNotNull(live);
            assertTrue(Long.parseLong(live.substring(3)) > c);
        }
        // Resuming from the last one seen gives nothing old.
        try (SseClient client = follow(f.officer, tn, null)) {
            for (int i = 0; i < 5; i++) {
                assertNotNull(client.nextId());
            }
            assertTrue(client.awaitLine(line -> line.startsWith(":"), 5), "heartbeat");
        }
    }

    @Test
    void streamIsForTheApplicantAndTheAgency() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        try (SseClient client = follow(f.officer, tn, null)) {
            assertNotNull(client.nextId());
        }
        given().auth().oauth2(TestTokens.citizen(UUID.randomUUID().toString())).accept("text/event-stream")
                .get("/api/v1/applications/" + tn + "/events").then().statusCode(404);
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).accept("text/event-stream")
                .get("/api/v1/applications/" + tn + "/events").then().statusCode(404);
        given().accept("text/event-stream").get("/api/v1/applications/" + tn + "/events").then().statusCode(401);
        given().auth().oauth2(f.citizen).accept("text/event-stream").header("Last-Event-ID", "abc")
                .get("/api/v1/applications/" + tn + "/events").then().statusCode(400);
    }
}
