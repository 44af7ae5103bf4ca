package id.satupintu.homevisit;

import static id.satupintu.homevisit.HomeVisitFixtures.ELDERLY_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.as;
import static id.satupintu.homevisit.HomeVisitFixtures.post;
import static id.satupintu.homevisit.HomeVisitFixtures.schedule;
import static id.satupintu.queue.QueueFixtures.graphql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.events.LiveStreamsTest.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live status of a home visit (SSE) and the GraphQL channel, under the same rules as REST. */
@QuarkusTest
class HomeVisitLiveTest {

    @TestHTTPResource("/")
    URL base;

    private SseClient follow(String token, String id) throws Exception {
        return SseClient.connect(URI.create(base + "api/v1/home-visits/" + id + "/events"),
                Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void theRequesterFollowsTheVisitLiveAndStrangersAreRefusedBeforeTheStream() throws Exception {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String id = f.requested(ELDERLY_NIK, "ELDERLY");
        String day = f.day(HomeVisitFixtures.nextWorkingDay(f.today), "Tim Live", 2);
        try (SseClient client = follow(f.citizen, id)) {
            assertNotNull(client.nextId(), "the request event is replayed");
            schedule(f.supervisor, id, day).statusCode(200);
            assertTrue(client.awaitLine(line -> line.startsWith("event:") && line.contains("home-visit.scheduled"), 10));
            List<String> data = new java.util.ArrayList<>();
            assertTrue(client.awaitLine(line -> line.startsWith("data:") && data.add(line), 10));
            assertFalse(data.get(0).contains(ELDERLY_NIK), data.get(0));
        }
        try (SseClient client = follow(f.teamMember, id)) {
            assertNotNull(client.nextId());
        }
        as(f.otherCitizen).accept("text/event-stream").get("/api/v1/home-visits/" + id + "/events").then()
                .statusCode(404).contentType("application/problem+json");
        as(f.otherSupervisor).accept("text/event-stream").get("/api/v1/home-visits/" + id + "/events").then()
                .statusCode(404);
        io.restassured.RestAssured.given().accept("text/event-stream").get("/api/v1/home-visits/" + id + "/events")
                .then().statusCode(401);
    }

    @Test
    void graphQLTakesAVisitThroughTheSameRules() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        Map<String, Object> input = f.request(ELDERLY_NIK, "ELDERLY");
        String id = graphql(f.citizen, "mutation($i: HomeVisitInput!) { requestHomeVisit(input: $i) { id state nik "
                + "address { line kecamatan latitude } } }", Map.of("i", input))
                .body("errors", nullValue())
                .body("data.requestHomeVisit.state", equalTo("REQUESTED"))
                .body("data.requestHomeVisit.nik", equalTo("3273********0001"))
                .body("data.requestHomeVisit.address.line", nullValue())
                .extract().path("data.requestHomeVisit.id");
        Map<String, Object> young = f.request(HomeVisitFixtures.YOUNG_NIK, "ELDERLY");
        graphql(f.citizen, "mutation($i: HomeVisitInput!) { requestHomeVisit(input: $i) { id } }", Map.of("i", young))
                .body("errors[0].extensions.code", equalTo("home-visit-not-eligible"));

        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        Map<String, Object> dayInput = new HashMap<>();
        dayInput.put("date", visitDay.toString());
        dayInput.put("team", "Tim GraphQL");
        dayInput.put("members", List.of(f.teamMemberId));
        dayInput.put("capacity", 1);
        graphql(f.officer, "mutation($d: VisitDayInput!) { createHomeVisitDay(input: $d) { id } }", Map.of("d", dayInput))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        String day = graphql(f.supervisor, "mutation($d: VisitDayInput!) { createHomeVisitDay(input: $d) { id left } }",
                Map.of("d", dayInput)).body("data.createHomeVisitDay.left", equalTo(1))
                .extract().path("data.createHomeVisitDay.id");

        String scheduleQuery = "mutation($id: String!, $s: ScheduleInput!) { scheduleHomeVisit(id: $id, input: $s) "
                + "{ state visit { date team } } }";
        graphql(f.otherSupervisor, scheduleQuery, Map.of("id", id, "s", HomeVisitFixtures.slot(day)))
                .body("errors[0].extensions.code", equalTo("home-visit-not-found"));
        graphql(f.supervisor, scheduleQuery, Map.of("id", id, "s", HomeVisitFixtures.slot(day)))
                .body("errors", nullValue())
                .body("data.scheduleHomeVisit.state", equalTo("SCHEDULED"))
                .body("data.scheduleHomeVisit.visit.team", equalTo("Tim GraphQL"));
        graphql(f.otherCitizen, "mutation($id: String!) { confirmHomeVisit(id: $id) { state } }", Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("home-visit-not-found"));
        graphql(f.citizen, "mutation($id: String!) { confirmHomeVisit(id: $id) { state } }", Map.of("id", id))
                .body("data.confirmHomeVisit.state", equalTo("CONFIRMED"));
        graphql(f.teamMember, "query($id: String!) { homeVisit(id: $id) { nik phone address { line } personalDataInFull } }",
                Map.of("id", id))
                .body("data.homeVisit.nik", equalTo(ELDERLY_NIK))
                .body("data.homeVisit.address.line", notNullValue());
        graphql(f.supervisor, "{ homeVisits(kecamatan: \"Coblong\") { items { id nik address { latitude longitude } } nextCursor } }", Map.of())
                .body("data.homeVisits.items[0].id", equalTo(id))
                .body("data.homeVisits.items[0].nik", equalTo("3273********0001"));
        graphql(f.teamMember, "mutation($id: String!) { reportHomeVisit(id: $id, input: {outcome: DONE}) { state } }",
                Map.of("id", id)).body("errors[0].extensions.code", equalTo("home-visit-not-yet"));
        f.travelTo(visitDay);
        graphql(f.teamMember, "mutation($id: String!) { openHomeVisitApplication(id: $id, formJson: \"[1]\") { id } }",
                Map.of("id", id)).body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql(f.teamMember, "mutation($id: String!) { openHomeVisitApplication(id: $id, formJson: \"{}\") "
                + "{ applicationTrackingNumber } }", Map.of("id", id))
                .body("data.openHomeVisitApplication.applicationTrackingNumber", notNullValue());
        graphql(f.teamMember, "mutation($id: String!) { reportHomeVisit(id: $id, input: {outcome: DONE}) { state } }",
                Map.of("id", id)).body("data.reportHomeVisit.state", equalTo("DONE"));
        graphql(f.citizen, "{ myHomeVisits { id state applicationTrackingNumber } }", Map.of())
                .body("data.myHomeVisits[0].state", equalTo("DONE"));
        post(f.citizen, "/api/v1/home-visits/" + id + "/confirm", null).statusCode(409);
    }
}
