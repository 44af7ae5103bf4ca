package id.satupintu.queue.counter;

import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.QueueFixtures.KK;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.PASPOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LaneCounterResourceTest {

    @Test
    void supervisorOfTheSiteDefinesLanesAndAnyoneReadsThem() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(QueueFixtures.lane("A", 100, KTP, KK, KTP))
                .post("/api/v1/sites/" + site + "/lanes")
                .then().statusCode(201).header("Location", endsWith("/api/v1/sites/" + site + "/lanes/A"))
                .body("prefix", equalTo("A")).body("serviceCodes", contains(KTP, KK)).body("dailyQuota", equalTo(100));
        given().get("/api/v1/sites/" + site + "/lanes").then().statusCode(200).body("prefix", contains("A"));

        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(QueueFixtures.lane("A", 50, KTP))
                .put("/api/v1/sites/" + site + "/lanes/A")
                .then().statusCode(200).body("serviceCodes", contains(KTP)).body("dailyQuota", equalTo(50));
        given().get("/api/v1/sites/" + site + "/lanes/A").then().statusCode(200).body("dailyQuota", equalTo(50));
    }

    @Test
    void laneRulesAreProblems() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("A", 10, PASPOR))
                .post("/api/v1/sites/" + site + "/lanes")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("lane-exists"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("B", 10, PASPOR, KTP))
                .post("/api/v1/sites/" + site + "/lanes")
                .then().statusCode(400).body("errors.field", contains("serviceCodes[1]"))
                .body("errors.code", contains("service-in-other-lane"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("B", 10, "NO-SUCH"))
                .post("/api/v1/sites/" + site + "/lanes")
                .then().statusCode(400).body("errors.code", contains("unknown-service"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("ab", 0))
                .post("/api/v1/sites/" + site + "/lanes")
                .then().statusCode(400).body("errors.field", hasItem("dailyQuota"))
                .body("errors.field", hasItem("prefix")).body("errors.field", hasItem("serviceCodes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"prefix\": \"B\", \"dailyQuota\": \"many\"}")
                .post("/api/v1/sites/" + site + "/lanes").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{")
                .post("/api/v1/sites/" + site + "/lanes").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .post("/api/v1/sites/" + site + "/lanes").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("B", 10, PASPOR))
                .post("/api/v1/sites/NO-SUCH-SITE/lanes").then().statusCode(404).body("code", equalTo("site-not-found"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(QueueFixtures.lane("B", 10, PASPOR))
                .put("/api/v1/sites/" + site + "/lanes/A").then().statusCode(400).body("errors.code", contains("immutable"));
        given().get("/api/v1/sites/" + site + "/lanes/Z").then().statusCode(404).body("code", equalTo("lane-not-found"));
    }

    @Test
    void onlyAdminsAndTheSitesSupervisorsManageLanesAndCounters() {
        String site = QueueFixtures.openSite();
        Map<String, Object> lane = QueueFixtures.lane("A", 10, KTP);
        given().contentType(ContentType.JSON).body(lane).post("/api/v1/sites/" + site + "/lanes").then().statusCode(401);
        for (String token : List.of(TestTokens.staff(Roles.SUPERVISOR, null, "MPP-BDG"),
                TestTokens.staff(Roles.COUNTER_STAFF, null, site), QueueFixtures.citizen(),
                QueueFixtures.device(Roles.KIOSK, site))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(lane)
                    .post("/api/v1/sites/" + site + "/lanes").then().statusCode(403).body("code", equalTo("forbidden"));
        }
        QueueFixtures.createLane(site, "A", 10, KTP);
        given().auth().oauth2(TestTokens.staff(Roles.SUPERVISOR, null, "MPP-BDG")).contentType(ContentType.JSON)
                .body(Map.of("number", 1, "name", "Loket 1", "lanes", List.of("A")))
                .post("/api/v1/sites/" + site + "/counters").then().statusCode(403);
    }

    @Test
    void countersServeLanesOfTheirSite() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 10, KTP);
        QueueFixtures.createLane(site, "B", 10, PASPOR);
        String id = QueueFixtures.createCounter(site, 3, "B", "A");
        given().get("/api/v1/counters/" + id).then().statusCode(200)
                .body("number", equalTo(3)).body("lanes", contains("A", "B")).body("status", equalTo("CLOSED"));
        given().get("/api/v1/sites/" + site + "/counters").then().statusCode(200).body("number", contains(3));

        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("number", 3, "name", "Loket tiga", "lanes", List.of("A")))
                .post("/api/v1/sites/" + site + "/counters").then().statusCode(409).body("code", equalTo("counter-exists"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("number", 4, "name", "Loket 4", "lanes", List.of("A", "Q")))
                .post("/api/v1/sites/" + site + "/counters")
                .then().statusCode(400).body("errors.field", contains("lanes[1]")).body("errors.code", contains("unknown-lane"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("number", 0, "name", "", "lanes", List.of()))
                .post("/api/v1/sites/" + site + "/counters")
                .then().statusCode(400).body("errors.field", contains("lanes", "name", "number"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("number", 3, "name", "Loket Tiga", "lanes", List.of("A")))
                .put("/api/v1/counters/" + id).then().statusCode(200).body("lanes", contains("A"))
                .body("name", equalTo("Loket Tiga"));
        given().get("/api/v1/counters/not-a-uuid").then().statusCode(404).body("code", equalTo("counter-not-found"));
        given().get("/api/v1/counters/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void counterStaffOpenPauseAndCloseTheirSession() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 10, KTP);
        String id = QueueFixtures.createCounter(site, 1, "A");
        String staff = TestTokens.staff(Roles.COUNTER_STAFF, null, site);
        String colleague = TestTokens.staff(Roles.COUNTER_STAFF, null, site);

        given().auth().oauth2(staff).post("/api/v1/counters/" + id + "/open").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(colleague).post("/api/v1/counters/" + id + "/open").then().statusCode(409)
                .body("code", equalTo("counter-in-use"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/counters/" + id + "/pause").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(Map.of("reason", "Istirahat"))
                .post("/api/v1/counters/" + id + "/pause").then().statusCode(409);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "Istirahat"))
                .post("/api/v1/counters/" + id + "/pause").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("pauseReason", equalTo("Istirahat"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "Lagi"))
                .post("/api/v1/counters/" + id + "/pause").then().statusCode(409).body("code", equalTo("counter-not-open"));
        given().auth().oauth2(staff).post("/api/v1/counters/" + id + "/open").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("pauseReason", nullValue());
        given().auth().oauth2(staff).post("/api/v1/counters/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth().oauth2(colleague).post("/api/v1/counters/" + id + "/open").then().statusCode(200);
    }

    @Test
    void onlyCounterStaffOfTheSiteRunSessions() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 10, KTP);
        String id = QueueFixtures.createCounter(site, 1, "A");
        given().post("/api/v1/counters/" + id + "/open").then().statusCode(401);
        for (String token : List.of(TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG"), QueueFixtures.citizen(),
                TestTokens.staff(Roles.OFFICER, null, site))) {
            given().auth().oauth2(token).post("/api/v1/counters/" + id + "/open").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, site))
                .post("/api/v1/counters/" + java.util.UUID.randomUUID() + "/open").then().statusCode(404);
    }
}
