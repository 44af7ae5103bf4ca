package id.satupintu.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may read a site's indicators, what bad requests get, the CSV shape and GraphQL parity. */
@QuarkusTest
class IndicatorAccessTest {

    private static final String PATH = "/api/v1/indicators";

    static RequestSpecification ask(String token, String site, String from, String to, String granularity) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        if (site != null) {
            request.queryParam("site", site);
        }
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        if (granularity != null) {
            request.queryParam("granularity", granularity);
        }
        return request;
    }

    @Test
    void onlyTheSitesSupervisorsAndAdminsRead() {
        String site = QueueFixtures.openSite();
        String other = QueueFixtures.openSite();
        ask(TestTokens.staff(Roles.SUPERVISOR, null, site), site, "2026-07-01", "2026-07-31", "week").get(PATH)
                .then().statusCode(200).body("periods.size()", equalTo(5)).body("priorityWithinMinutes", equalTo(15));
        ask(TestTokens.admin(), site, "2026-07-01", "2026-07-31", "month").get(PATH).then().statusCode(200);
        ask(TestTokens.staff(Roles.SUPERVISOR, null, other), site, "2026-07-01", "2026-07-31", null).get(PATH)
                .then().statusCode(403);
        ask(TestTokens.staff(Roles.OFFICER, null, site), site, "2026-07-01", "2026-07-31", null).get(PATH)
                .then().statusCode(403);
        ask(TestTokens.staff(Roles.COUNTER_STAFF, null, site), site, "2026-07-01", "2026-07-31", null).get(PATH)
                .then().statusCode(403);
        ask(QueueFixtures.citizen(), site, "2026-07-01", "2026-07-31", null).get(PATH).then().statusCode(403);
        ask(QueueFixtures.device(Roles.KIOSK, site), site, "2026-07-01", "2026-07-31", null).get(PATH)
                .then().statusCode(403);
        ask(null, site, "2026-07-01", "2026-07-31", null).get(PATH).then().statusCode(401);
        ask(TestTokens.admin(), "NO-SUCH-SITE", "2026-07-01", "2026-07-31", null).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badRequestsAre400ProblemsNamingTheField() {
        String site = QueueFixtures.openSite();
        String admin = TestTokens.admin();
        Map<String, List<Object>> cases = Map.of(
                "site", List.of("", "2026-07-01", "2026-07-31", "day"),
                "from", List.of(site, "2026-13-01", "2026-07-31", "day"),
                "to", List.of(site, "2026-07-01", "31-07-2026", "day"),
                "granularity", List.of(site, "2026-07-01", "2026-07-31", "year"));
        cases.forEach((field, c) -> ask(admin, (String) c.get(0), (String) c.get(1), (String) c.get(2),
                (String) c.get(3)).get(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        ask(admin, site, null, "2026-07-31", null).get(PATH).then().statusCode(400).body("errors.field", hasItem("from"));
        ask(admin, site, "2026-07-31", "2026-07-01", null).get(PATH).then().statusCode(400)
                .body("errors[0].code", equalTo("indicator-dates"));
        ask(admin, site, "2026-01-01", "2027-01-02", null).get(PATH).then().statusCode(400)
                .body("errors[0].code", equalTo("indicator-range"));
        ask(admin, site, "2026-01-01", "2026-12-31", "month").get(PATH).then().statusCode(200);
        // A CSV client gets the same problem+json.
        ask(admin, site, "2026-07-31", "2026-07-01", null).accept("text/csv").get(PATH).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void csvHasOneRowPerPeriodAndTheJsonFieldsAsColumns() {
        String site = QueueFixtures.openSite();
        String csv = ask(TestTokens.admin(), site, "2026-07-01", "2026-07-31", "week").accept("text/csv").get(PATH)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(6, lines.length);
        assertEquals(String.join(",", IndicatorCsv.header()), lines[0]);
        String[] first = lines[1].split(",", -1);
        assertEquals(IndicatorCsv.header().size(), first.length);
        assertEquals("2026-07-01", first[0]);
        assertEquals("2026-07-05", first[1]);
        assertEquals("0", first[2]);
        // Nothing measured: empty cells, as null in JSON.
        assertEquals("", first[IndicatorCsv.header().indexOf("queue.waitSecondsMedian")]);
    }

    @Test
    void graphqlAnswersWhatRestAnswersUnderTheSameRules() {
        String site = QueueFixtures.openSite();
        String query = "query($site: String!) { indicators(site: $site, from: \"2026-07-01\", to: \"2026-07-31\","
                + " granularity: \"week\") { site granularity periods { from to queue { issued issuedByChannel"
                + " { channel issued } waitSecondsMedian } applications { decided } complaints { received }"
                + " ikm { respondents ikm } } } }";
        QueueFixtures.graphql(TestTokens.admin(), query, Map.of("site", site))
                .body("data.indicators.site", equalTo(site)).body("data.indicators.granularity", equalTo("WEEK"))
                .body("data.indicators.periods.from", equalTo(ask(TestTokens.admin(), site, "2026-07-01", "2026-07-31",
                        "week").get(PATH).then().extract().path("periods.from")));
        QueueFixtures.graphql(TestTokens.staff(Roles.SUPERVISOR, null, QueueFixtures.openSite()), query,
                Map.of("site", site)).body("errors[0].extensions.code", equalTo("forbidden"));
    }
}
