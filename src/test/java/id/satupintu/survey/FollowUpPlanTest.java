package id.satupintu.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The follow-up plan: written and published by the site's supervisors, versioned against lost updates. */
@QuarkusTest
class FollowUpPlanTest {

    static final String PATH = "/api/v1/ikm/plan";

    static Map<String, Object> item(Object element, String action) {
        return Map.of("element", element, "action", action, "owner", "Kepala loket", "deadline", "2026-09-30");
    }

    static ValidatableResponse put(String token, String site, Object body) {
        return given().auth().oauth2(token).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-06-30").body(body).put(PATH).then();
    }

    @Test
    void writeThenPublishAndLaterEditsStayUnpublished() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        put(supervisor, site, Map.of("items", List.of(item(4, "Papan waktu layanan di loket"))))
                .statusCode(200).header("Cache-Control", "private, no-store").body("version", equalTo(1))
                .body("items[0].element", equalTo(4)).body("items[0].deadline", equalTo("2026-09-30"))
                .body("publishedItems", nullValue());
        put(supervisor, site, Map.of("version", 1, "items", List.of(item(4, "Papan waktu layanan"), item(9, "AC"))))
                .statusCode(200).body("version", equalTo(2)).body("items.size()", equalTo(2));
        given().auth().oauth2(supervisor).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-06-30").body(Map.of("version", 1))
                .post(PATH + "/publish").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("survey-plan-version"));
        given().auth().oauth2(supervisor).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-06-30").body(Map.of("version", 2))
                .post(PATH + "/publish").then().statusCode(200).body("publishedVersion", equalTo(2))
                .body("publishedItems.size()", equalTo(2));
        put(supervisor, site, Map.of("version", 2, "items", List.of(item(1, "Draf baru")))).statusCode(200)
                .body("version", equalTo(3)).body("publishedVersion", equalTo(2))
                .body("publishedItems.size()", equalTo(2));
        given().auth().oauth2(TestTokens.admin()).queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-06-30").get(PATH).then().statusCode(200).body("version", equalTo(3))
                .body("items[0].action", equalTo("Draf baru"));
        // Creating again over an existing plan is a lost update too.
        put(supervisor, site, Map.of("items", List.of(item(1, "x")))).statusCode(409);
    }

    @Test
    void twoParallelWritesOfOneVersionExactlyOneWins() throws Exception {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        put(supervisor, site, Map.of("items", List.of(item(2, "Awal")))).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String action = "Penulis " + i;
            results.add(pool.submit(() -> {
                start.await();
                return put(supervisor, site, Map.of("version", 1, "items", List.of(item(2, action))))
                        .extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-06-30").get(PATH).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void wrongRolesOtherSitesUnknownPlansAndBadInputs() {
        String site = QueueFixtures.openSite();
        String other = QueueFixtures.openSite();
        Map<String, Object> good = Map.of("items", List.of(item(3, "Tindakan")));
        for (String token : new String[] {TestTokens.staff(Roles.SUPERVISOR, null, other),
                TestTokens.staff(Roles.OFFICER, null, site), QueueFixtures.citizen()}) {
            put(token, site, good).statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-06-30").body(good).put(PATH).then().statusCode(401);
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-06-30").get(PATH).then().statusCode(404)
                .body("code", equalTo("survey-plan-not-found"));
        given().auth().oauth2(admin).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-06-30").body(Map.of("version", 1))
                .post(PATH + "/publish").then().statusCode(404);
        put(admin, "NO-SUCH-SITE", good).statusCode(404);
        put(admin, site, Map.of("items", List.of())).statusCode(400).body("errors.field", hasItem("items"));
        put(admin, site, Map.of("items", List.of(item(10, "x")))).statusCode(400)
                .body("errors.field", hasItem("items[0].element"));
        put(admin, site, Map.of("items", List.of(item("3", "x")))).statusCode(400)
                .body("errors.field", hasItem("items[0].element"));
        put(admin, site, Map.of("items", List.of(Map.of("element", 3)))).statusCode(400)
                .body("errors.field", hasItem("items[0].action")).body("errors.field", hasItem("items[0].owner"))
                .body("errors.field", hasItem("items[0].deadline"));
        put(admin, site, Map.of("items", List.of(Map.of("element", 3, "action", "a", "owner", "b",
                "deadline", "30-09-2026")))).statusCode(400).body("errors.field", hasItem("items[0].deadline"));
        put(admin, site, Map.of("items", List.of(item(3, "x".repeat(1001))))).statusCode(400)
                .body("errors.field", hasItem("items[0].action"));
        put(admin, site, Map.of("version", "1", "items", List.of(item(3, "x")))).statusCode(400)
                .body("errors.field", hasItem("version"));
        put(admin, site, "{\"items\": 5}").statusCode(400);
        given().auth().oauth2(admin).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-06-30").queryParam("to", "2026-01-01").body(good).put(PATH).then()
                .statusCode(400).body("errors[0].code", equalTo("survey-dates"));
        given().auth().oauth2(admin).contentType("application/json").queryParam("from", "2026-01-01")
                .body(good).put(PATH).then().statusCode(400).body("errors.field", hasItem("site"))
                .body("errors.field", hasItem("to"));
        given().auth().oauth2(admin).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-06-30").body(Map.of())
                .post(PATH + "/publish").then().statusCode(400).body("errors.field", hasItem("version"));
    }
}
