package id.satupintu.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The published IKM report: figures, priorities, profile, published suggestions and plans; JSON and CSV. */
@QuarkusTest
class IkmPublicationTest {

    static final String PATH = "/api/v1/ikm/report";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-10T03:00:00Z");

    /** An answer with the element scores u1..u9, the profile and a suggestion; its id. */
    static UUID answer(String site, int[] u, String sex, Integer age, String education, String occupation,
                       String suggestion) {
        UUID id = UUID.randomUUID();
        SurveyFixtures.sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at) "
                + "values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", id, site, AT);
        SurveyFixtures.sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4, u5, "
                + "u6, u7, u8, u9, sex, age, education, occupation, suggestion) values ($1, $2, 'anonymous', $3, $4, "
                + "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)", id, AT, (short) u[0], (short) u[1],
                (short) u[2], (short) u[3], (short) u[4], (short) u[5], (short) u[6], (short) u[7], (short) u[8],
                sex, age == null ? null : age.shortValue(), education, occupation, suggestion);
        return id;
    }

    /** The first quarter's plan of the site written with one item (element 3) and published; the item. */
    static Map<String, Object> publishedPlan(String supervisor, String site, String action) {
        Map<String, Object> item = Map.of("element", 3, "action", action, "owner", "Sekretariat",
                "deadline", "2026-06-30");
        given().auth().oauth2(supervisor).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-03-31")
                .body(Map.of("items", List.of(item))).put("/api/v1/ikm/plan").then().statusCode(200);
        given().auth().oauth2(supervisor).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-03-31").body(Map.of("version", 1))
                .post("/api/v1/ikm/plan/publish").then().statusCode(200);
        return item;
    }

    @Test
    void theReportJoinsFiguresPrioritiesProfileSuggestionsAndPlan() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        // Element 3 lowest, then 9, then 1; the rest at 4.
        UUID published = answer(site, new int[] {3, 4, 1, 4, 4, 4, 4, 4, 2}, "L", 19, "SMA", "SWASTA",
                "Antrian lama, WA saya 081234567890");
        answer(site, new int[] {3, 4, 2, 4, 4, 4, 4, 4, 2}, "P", 35, "S1", "PNS", "Rahasia: budi@mail.id");
        answer(site, new int[] {3, 4, 1, 4, 4, 4, 4, 4, 3}, "P", 60, null, null, null);
        given().auth().oauth2(supervisor).post("/api/v1/ikm/suggestions/" + published + "/publish").then()
                .statusCode(200);
        Map<String, Object> item = publishedPlan(supervisor, site, "Tambah loket");
        // A plan written but never published stays out of the report.
        given().auth().oauth2(supervisor).contentType("application/json").queryParam("site", site)
                .queryParam("from", "2026-04-01").queryParam("to", "2026-06-30")
                .body(Map.of("items", List.of(item))).put("/api/v1/ikm/plan").then().statusCode(200);

        given().queryParam("site", site).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get(PATH)
                .then().statusCode(200).header("Cache-Control", containsString("public"))
                .body("ikm.respondents", equalTo(3))
                .body("priorities.element", equalTo(List.of(3, 9, 1)))
                .body("profile.sex.L", equalTo(1)).body("profile.sex.P", equalTo(2))
                .body("profile.age.'<20'", equalTo(1)).body("profile.age.'30-39'", equalTo(1))
                .body("profile.age.'60+'", equalTo(1)).body("profile.age.'20-29'", equalTo(0))
                .body("profile.education.SMA", equalTo(1)).body("profile.education.unknown", equalTo(1))
                .body("profile.occupation.PNS", equalTo(1)).body("profile.occupation.unknown", equalTo(1))
                .body("suggestions.size()", equalTo(1))
                .body("suggestions[0].text", equalTo("Antrian lama, WA saya [data pribadi]"))
                .body("followUpPlans.size()", equalTo(1))
                .body("followUpPlans[0].items[0].action", equalTo("Tambah loket"))
                .body(not(containsString("081234567890"))).body(not(containsString("budi@mail.id")));

        String csv = given().accept("text/csv").queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").get(PATH).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("section,key,name,value", lines.get(0));
        assertTrue(lines.contains("ikm,respondents,,3"), csv);
        assertTrue(lines.contains("priority.1,3,Waktu penyelesaian,50.00") || lines.stream()
                .anyMatch(l -> l.startsWith("priority.1,3,")), csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("element.ikm,2,\"")), "quoted name: " + csv);
        assertTrue(lines.contains("profile.sex,P,,2"), csv);
        assertTrue(lines.contains("profile.age,<20,,1"), csv);
        assertTrue(!csv.contains("[data pribadi]") && !csv.contains("081234567890"), csv);
    }

    @Test
    void badQueriesAre400AndUnknownSites404() {
        String site = QueueFixtures.openSite();
        given().get(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("site"));
        given().queryParam("site", site).queryParam("from", "2026-02-30").get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().queryParam("site", site).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01").get(PATH)
                .then().statusCode(400).body("errors[0].code", equalTo("survey-dates"));
        given().accept("text/csv").queryParam("site", site).queryParam("to", "x").get(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("site", "NO-SUCH-SITE").get(PATH).then().statusCode(404)
                .contentType("application/problem+json");
        // A site with no answers: figures null, no priorities, all counts zero.
        given().queryParam("site", site).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").get(PATH)
                .then().statusCode(200).body("priorities.size()", equalTo(0)).body("profile.sex.L", equalTo(0))
                .body("suggestions.size()", equalTo(0)).body("followUpPlans.size()", equalTo(0));
    }
}
