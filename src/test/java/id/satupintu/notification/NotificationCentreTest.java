package id.satupintu.notification;

import static id.satupintu.application.ApplicationFixtures.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.platform.events.LiveStreamsTest.SseClient;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notification centre through REST, GraphQL and SSE: what triggers a notification, paging, read state, access. */
@QuarkusTest
class NotificationCentreTest {

    @TestHTTPResource("/")
    URL base;

    /**
     * Filed, verified, approved and issued: five state changes (the filing too), the last one the permit, and
     * then the survey invitation of the application, whose service ended with its permit: six notifications.
     */
    private static String issued(ApplicationFixtures f) {
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "verify").statusCode(200);
        act(f.supervisor, tn, "approve").statusCode(200);
        act(f.supervisor, tn, "issue-permit").statusCode(200);
        return tn;
    }

    @Test
    void applicationStepsAndThePermitReachTheApplicantInTheirLanguage() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = issued(f);
        given().auth().oauth2(f.citizen).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.template", equalTo(List.of("survey-open", "permit-issued", "application-state",
                        "application-state", "application-state", "application-state")))
                .body("items.findAll { it.template != 'survey-open' }.subject", everyItem(equalTo(tn)))
                .body("items[1].text", equalTo("SatuPintu: Izin untuk permohonan " + tn
                        + " telah terbit. Unduh dokumennya di aplikasi SatuPintu."))
                .body("items[2].text", containsString("disetujui"))
                .body("items.collect { it.text.length() }", everyItem(lessThanOrEqualTo(Template.SMS_LENGTH)))
                .body("items.read", everyItem(equalTo(false)))
                .body("nextCursor", nullValue());
        given().auth().oauth2(f.citizen).header("Accept-Language", "en").get("/api/v1/me/notifications").then()
                .statusCode(200)
                .body("items[1].text", equalTo("SatuPintu: The permit for application " + tn
                        + " has been issued. Download it in the SatuPintu app."))
                .body("items[2].text", containsString("is now approved"));
        // Nobody else hears of it: not another citizen, not the staff who acted.
        given().auth().oauth2(TestTokens.citizen(UUID.randomUUID().toString())).get("/api/v1/me/notifications")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(f.officer).get("/api/v1/me/notifications").then().statusCode(403)
                .body("code", equalTo("notification-citizen-only"));
        given().get("/api/v1/me/notifications").then().statusCode(401);
    }

    @Test
    void pagedNewestFirstWithUnreadFilterAndMarkingRead() {
        ApplicationFixtures f = new ApplicationFixtures();
        issued(f);
        var first = given().auth().oauth2(f.citizen).queryParam("limit", 3).get("/api/v1/me/notifications").then()
                .statusCode(200).body("items", hasSize(3)).body("nextCursor", notNullValue()).extract();
        List<Integer> ids = first.path("items.id");
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), "newest first");
        given().auth().oauth2(f.citizen).queryParam("limit", 3).queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/v1/me/notifications").then().statusCode(200).body("items", hasSize(3))
                .body("items.id", everyItem(lessThanOrEqualTo(ids.get(2) - 1))).body("nextCursor", nullValue());

        given().auth().oauth2(f.citizen).post("/api/v1/me/notifications/" + ids.get(0) + "/read").then()
                .statusCode(200).body("read", equalTo(true)).body("readAt", notNullValue());
        // Marking again keeps it read; the first time stays.
        String readAt = given().auth().oauth2(f.citizen).post("/api/v1/me/notifications/" + ids.get(0) + "/read")
                .then().statusCode(200).extract().path("readAt");
        assertEquals(readAt, given().auth().oauth2(f.citizen).post("/api/v1/me/notifications/" + ids.get(0) + "/read")
                .then().statusCode(200).extract().path("readAt"));
        given().auth().oauth2(f.citizen).queryParam("unread", "true").get("/api/v1/me/notifications").then()
                .statusCode(200).body("items", hasSize(5)).body("items.id", everyItem(lessThanOrEqualTo(ids.get(1))));
        given().auth().oauth2(f.citizen).get("/api/v1/me/notifications/unread-count").then().statusCode(200)
                .body("unread", equalTo(5));
        given().auth().oauth2(f.citizen).post("/api/v1/me/notifications/read").then().statusCode(200)
                .body("marked", equalTo(5));
        given().auth().oauth2(f.citizen).queryParam("unread", true).get("/api/v1/me/notifications").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anotherCitizensNotificationIsNotFoundAndBadInputsAreClientErrors() {
        ApplicationFixtures f = new ApplicationFixtures();
        issued(f);
        int id = given().auth().oauth2(f.citizen).get("/api/v1/me/notifications").then().extract().path("items[0].id");
        String stranger = TestTokens.citizen(UUID.randomUUID().toString());
        given().auth().oauth2(stranger).post("/api/v1/me/notifications/" + id + "/read").then().statusCode(404)
                .body("code", equalTo("notification-not-found"));
        given().auth().oauth2(f.citizen).get("/api/v1/me/notifications").then().body("items[0].read", equalTo(false));
        for (String bad : List.of("abc", "-1", "0", "99999999999999999999999", "%E2%9C%93", "1%00")) {
            given().auth().oauth2(f.citizen).urlEncodingEnabled(false).post("/api/v1/me/notifications/" + bad + "/read")
                    .then().statusCode(404).body("code", equalTo("notification-not-found"));
        }
        given().auth().oauth2(f.citizen).post("/api/v1/me/notifications/" + Long.MAX_VALUE + "/read").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, f.agency, ApplicationFixtures.SITE))
                .post("/api/v1/me/notifications/" + id + "/read").then().statusCode(403);
        given().post("/api/v1/me/notifications/" + id + "/read").then().statusCode(401);
        given().auth().oauth2(f.citizen).queryParam("cursor", "not-a-cursor!").get("/api/v1/me/notifications").then()
                .statusCode(400).body("code", equalTo("invalid-cursor"));
        given().auth().oauth2(f.citizen).queryParam("unread", "maybe").get("/api/v1/me/notifications").then()
                .statusCode(400);
        given().auth().oauth2(f.citizen).queryParam("limit", "1000").get("/api/v1/me/notifications").then()
                .statusCode(400);
        given().auth().oauth2(f.citizen).queryParam("limit", "x").get("/api/v1/me/notifications").then()
                .statusCode(400);
    }

    @Test
    void anAnsweredComplaintNotifiesItsReporter() {
        ComplaintFixtures c = new ComplaintFixtures();
        String code = c.forwarded();
        c.act(c.officer, code, "answer", Map.of("note", "Sudah kami tindak.")).statusCode(200);
        given().auth().oauth2(c.citizen).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].template", equalTo("complaint-answered"))
                .body("items[0].subject", equalTo(code))
                .body("items[0].text", equalTo("SatuPintu: Pengaduan " + code
                        + " telah dijawab. Baca jawabannya di aplikasi SatuPintu."));
    }

    @Test
    void newNotificationsArriveLiveOverSseAndResume() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        URI events = URI.create(base + "api/v1/me/notifications/events");
        String seen;
        try (SseClient client = SseClient.connect(events, Map.of("Authorization", "Bearer " + f.citizen,
                "Accept-Language", "en"))) {
            act(f.officer, tn, "start-verification").statusCode(200);
            assertTrue(client.awaitLine(line -> line.startsWith("event:") && line.contains("notification.created"), 10));
            assertTrue(client.awaitLine(line -> line.startsWith("data:") && line.contains("is now being verified")
                    && line.contains(tn), 10));
            seen = given().auth().oauth2(f.citizen).get("/api/v1/me/notifications").then().extract()
                    .path("items[0].id").toString();
        }
        act(f.officer, tn, "verify").statusCode(200);
        // The event id to resume after is the stream's, not the notification's: read it from the table.
        Object lastEventId = NotificationTests.sql("select max(id) from event where stream = 'notifications:' || $1 "
                + "and (payload ->> 'id')::bigint = $2", f.citizenId, Long.parseLong(seen)).iterator().next().getValue(0);
        try (SseClient client = SseClient.connect(events, Map.of("Authorization", "Bearer " + f.citizen,
                "Last-Event-ID", String.valueOf(lastEventId)))) {
            assertTrue(client.awaitLine(line -> line.startsWith("data:") && line.contains("dalam kajian teknis")
                    && line.contains("\"template\":\"application-state\""), 10));
        }
        given().auth().oauth2(f.officer).accept("text/event-stream").get("/api/v1/me/notifications/events").then()
                .statusCode(403);
        given().accept("text/event-stream").get("/api/v1/me/notifications/events").then().statusCode(401);
        given().auth().oauth2(f.citizen).accept("text/event-stream").header("Last-Event-ID", "abc")
                .get("/api/v1/me/notifications/events").then().statusCode(400);
    }

    @Test
    void theSameCentreOverGraphQL() {
        ApplicationFixtures f = new ApplicationFixtures();
        issued(f);
        var page = graphql(f.citizen, "{ myNotifications(first: 2) { items { id template text read } nextCursor } }")
                .body("errors", nullValue())
                .body("data.myNotifications.items", hasSize(2))
                .body("data.myNotifications.items[0].template", equalTo("survey-open"))
                .body("data.myNotifications.items[0].text", containsString("https://satupintu.example.id/survei/"))
                .body("data.myNotifications.items[1].template", equalTo("permit-issued"))
                .extract();
        String id = page.path("data.myNotifications.items[0].id").toString();
        graphql(f.citizen, "mutation { markNotificationRead(id: \"" + id + "\") { id read } }")
                .body("data.markNotificationRead.read", equalTo(true));
        graphql(f.citizen, "{ myNotifications(unread: true) { items { id } } }")
                .body("data.myNotifications.items", hasSize(5));
        graphql(TestTokens.citizen(UUID.randomUUID().toString()),
                "mutation { markNotificationRead(id: \"" + id + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("notification-not-found"));
    }

    private static io.restassured.response.ValidatableResponse graphql(String token, String query) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/graphql").then().statusCode(200);
    }
}
