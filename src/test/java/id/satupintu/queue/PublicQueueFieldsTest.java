package id.satupintu.queue;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.graphql;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the public parts of the queue say (trust issue §4, "nothing public says more than it must"):
 * counters, the board and its stream show numbers and counter names, never who sits at a counter,
 * why it is paused, a ticket's id, its service or whether its holder is a priority citizen. The
 * site's staff keep the full counter.
 */
@QuarkusTest
class PublicQueueFieldsTest {

    static final Set<String> PUBLIC_COUNTER = Set.of("id", "siteCode", "number", "name", "lanes", "status");
    static final Set<String> STAFF_COUNTER = Set.of("id", "siteCode", "number", "name", "laneIds", "lanes", "status",
            "pauseReason", "staffId", "priorityStreak");
    static final Set<String> BOARD_CALL = Set.of("number", "lane", "counterNumber", "counterName", "status",
            "calledAt", "callCount");

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void anyoneSeesACountersNumberNameLanesAndStateOnly() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 3, "A");
        given().auth().oauth2(counter.staff()).contentType(ContentType.JSON).body(Map.of("reason", "Sholat Dzuhur"))
                .post("/api/v1/counters/" + counter.id() + "/pause").then().statusCode(200);

        List<RequestSpecification> outsiders = List.of(given(), given().auth().oauth2("not-a-token"),
                given().auth().oauth2(QueueFixtures.citizen()),
                given().auth().oauth2(QueueFixtures.device(Roles.DISPLAY_BOARD, site)),
                given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG")));
        for (RequestSpecification outsider : outsiders) {
            ExtractableResponse<Response> list = outsider.get("/api/v1/sites/" + site + "/counters").then()
                    .statusCode(200).header("Vary", "Authorization").extract();
            assertEquals(PUBLIC_COUNTER, keys(list.jsonPath().getMap("[0]")));
            assertEquals("PAUSED", list.path("[0].status"));
        }
        for (RequestSpecification outsider : List.of(given(), given().auth().oauth2("not-a-token"))) {
            Map<String, Object> one = outsider.get("/api/v1/counters/" + counter.id()).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertEquals(PUBLIC_COUNTER, keys(one));
            assertEquals(3, one.get("number"));
            assertEquals(List.of("A"), one.get("lanes"));
        }

        // The site's staff and admins keep who holds the session and why it is paused.
        for (String staff : List.of(counter.staff(), TestTokens.staff(Roles.SUPERVISOR, null, site), TestTokens.admin())) {
            Map<String, Object> listed = given().auth().oauth2(staff).get("/api/v1/sites/" + site + "/counters").then()
                    .statusCode(200).extract().jsonPath().getMap("[0]");
            assertEquals(STAFF_COUNTER, keys(listed));
            assertEquals("Sholat Dzuhur", listed.get("pauseReason"));
            given().auth().oauth2(staff).get("/api/v1/counters/" + counter.id()).then().statusCode(200)
                    .body("pauseReason", equalTo("Sholat Dzuhur")).body("staffId", notNullValue());
        }
    }

    @Test
    void theBoardAndItsStreamCarryNumbersAndCountersOnly() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 4, "A");
        // A legacy row, as the board stream stored it before it was cut down: never replayed as it was.
        long legacy = pool.preparedQuery("insert into event (stream, type, payload) values ($1, 'ticket.issued', $2) "
                        + "returning id")
                .execute(Tuple.of("board:" + site, new JsonObject().put("ticketId", "5f0c7e8e-0000-0000-0000-000000000000")
                        .put("number", "A-000").put("siteCode", site).put("lane", "A").put("serviceCode", KTP)
                        .put("status", "WAITING").put("priority", true)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
        kioskTicket(site, KTP, "ELDERLY");

        try (Sse board = Sse.open(base, "api/v1/sites/" + site + "/board/events", null, Long.toString(legacy - 1))) {
            JsonObject old = board.next("ticket.issued");
            assertEquals(Set.of("number", "lane", "status"), old.fieldNames());
            assertEquals("A-000", old.getString("number"));
            JsonObject issued = board.next("ticket.issued");
            assertEquals(Set.of("number", "lane", "status"), issued.fieldNames());
            assertEquals("A-001", issued.getString("number"));
            callNext(counter).then().statusCode(200);
            JsonObject called = board.next("ticket.called");
            assertEquals(Set.of("number", "lane", "status", "counterNumber", "counterName"), called.fieldNames());
            assertEquals(4, called.getInteger("counterNumber"));
            assertEquals("Loket 4", called.getString("counterName"));
        }
        // What is stored for the board is already only that; the ticket's own stream keeps the rest.
        var stored = pool.preparedQuery("select payload from event where stream = $1 and id > $2 order by id")
                .execute(Tuple.of("board:" + site, legacy)).await().atMost(Duration.ofSeconds(10));
        stored.forEach(row -> assertEquals(Set.of(),
                difference(((JsonObject) row.getValue("payload")).fieldNames(), Set.of("number", "lane", "status",
                        "counterNumber", "counterName"))));

        Map<String, Object> call = given().get("/api/v1/sites/" + site + "/board").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        assertEquals(BOARD_CALL, keys(call));
    }

    @Test
    void overGraphQLTheBoardAndCountersArePublicTypesAndSessionsAreForStaff() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 6, "A");

        assertEquals(Set.of("id", "siteCode", "number", "name", "lanes", "status"), fieldsOf("PublicCounter"));
        assertEquals(Set.of("id", "type", "number", "lane", "status", "counterNumber", "counterName"),
                fieldsOf("BoardEvent"));
        graphql(null, "query($site: String!) { queueCounters(site: $site) { number name lanes status } }",
                Map.of("site", site)).body("data.queueCounters[0].number", equalTo(6));
        // Asking the public type for a session's field is a request error: it has none.
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ queueCounters(site: \"" + site + "\") { staffId } }"))
                .post("/graphql").then().statusCode(400).body("errors[0].message", containsString("staffId"));

        String query = "query($site: String!) { queueCounterSessions(site: $site) { number staffId status } }";
        graphql(counter.staff(), query, Map.of("site", site))
                .body("data.queueCounterSessions[0].staffId", notNullValue())
                .body("data.queueCounterSessions[0].status", equalTo("OPEN"));
        graphql(null, query, Map.of("site", site)).body("errors.extensions.code", hasItem("unauthorized"));
        graphql(TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG"), query, Map.of("site", site))
                .body("errors.extensions.code", hasItem("forbidden"));
        graphql(QueueFixtures.device(Roles.DISPLAY_BOARD, site), query, Map.of("site", site))
                .body("errors.extensions.code", hasItem("forbidden"));
    }

    private static Set<String> fieldsOf(String type) {
        List<String> names = graphql(null, "query($t: String!) { __type(name: $t) { fields { name } } }",
                Map.of("t", type)).extract().path("data.__type.fields.name");
        return new TreeSet<>(names);
    }

    private static Set<String> keys(Map<String, Object> object) {
        return new TreeSet<>(object.keySet());
    }

    private static Set<String> difference(Set<String> all, Set<String> allowed) {
        Set<String> extra = new TreeSet<>(all);
        extra.removeAll(allowed);
        return extra;
    }
}
