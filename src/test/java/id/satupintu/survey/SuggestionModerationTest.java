package id.satupintu.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Suggestions stay hidden until a supervisor of the site publishes a copy stripped of personal data. */
@QuarkusTest
class SuggestionModerationTest {

    static final String PATH = "/api/v1/ikm/suggestions";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-12T03:00:00Z");

    /** An answered invitation of the site with the suggestion; its id. */
    static UUID suggested(String site, String suggestion) {
        UUID id = UUID.randomUUID();
        SurveyFixtures.sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at) "
                + "values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", id, site, AT);
        SurveyFixtures.sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4, u5, "
                + "u6, u7, u8, u9, suggestion) values ($1, $2, 'anonymous', 3, 3, 3, 3, 3, 3, 3, 3, 3, $3)",
                id, AT, suggestion);
        return id;
    }

    @Test
    void publishingStoresAStrippedCopyAndHidingWithdrawsIt() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        String original = "Antrian lama. Hubungi saya 0812-3456-7890 atau +62 813 1111 2222, budi.s@mail.co.id, "
                + "NIK 3273011234567890, kantor (022) 720 1234 / 021-5551234. "
                + "Nomor tiket A-012 jam 10.30 bukan data pribadi.";
        UUID id = suggested(site, original);
        UUID other = suggested(site, "Ruang tunggu panas");
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").get(PATH).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("size()", equalTo(2)).body("find { it.id == '" + id + "' }.state", equalTo("PENDING"))
                .body("find { it.id == '" + id + "' }.text", equalTo(original))
                .body("find { it.id == '" + id + "' }.publishedText", nullValue());
        String expected = "Antrian lama. Hubungi saya [data pribadi] atau [data pribadi], [data pribadi], "
                + "NIK [data pribadi], kantor [data pribadi] / [data pribadi]. "
                + "Nomor tiket A-012 jam 10.30 bukan data pribadi.";
        given().auth().oauth2(supervisor).post(PATH + "/" + id + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("publishedText", equalTo(expected))
                .body("text", equalTo(original));
        given().auth().oauth2(TestTokens.admin()).post(PATH + "/" + other + "/hide").then().statusCode(200)
                .body("state", equalTo("HIDDEN")).body("publishedText", nullValue());
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").queryParam("state", "published").get(PATH).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(id.toString()));
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").queryParam("state", "PENDING").get(PATH).then().statusCode(200)
                .body("size()", equalTo(0));
        // Hiding after publishing withdraws the public copy too.
        given().auth().oauth2(supervisor).post(PATH + "/" + id + "/hide").then().statusCode(200)
                .body("state", equalTo("HIDDEN")).body("publishedText", nullValue());
        // Outside the period: not listed.
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-06-01")
                .queryParam("to", "2026-06-30").get(PATH).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyTheSitesSupervisorsAndAdminsModerate() {
        String site = QueueFixtures.openSite();
        String otherSite = QueueFixtures.openSite();
        UUID id = suggested(site, "Petugas ramah");
        String foreign = TestTokens.staff(Roles.SUPERVISOR, null, otherSite);
        for (String token : new String[] {foreign, TestTokens.staff(Roles.OFFICER, null, site),
                TestTokens.staff(Roles.COUNTER_STAFF, null, site), QueueFixtures.citizen(),
                QueueFixtures.device(Roles.KIOSK, site)}) {
            given().auth().oauth2(token).queryParam("site", site).queryParam("from", "2026-05-01")
                    .queryParam("to", "2026-05-31").get(PATH).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).post(PATH + "/" + id + "/publish").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().queryParam("site", site).queryParam("from", "2026-05-01").queryParam("to", "2026-05-31").get(PATH)
                .then().statusCode(401);
        given().post(PATH + "/" + id + "/publish").then().statusCode(401);
        // Nothing above changed it.
        given().auth().oauth2(TestTokens.admin()).queryParam("site", site).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").get(PATH).then().statusCode(200).body("[0].state", equalTo("PENDING"));
    }

    @Test
    void unknownIdsAre404AndBadQueries400() {
        String site = QueueFixtures.openSite();
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).post(PATH + "/" + UUID.randomUUID() + "/publish").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("suggestion-not-found"));
        given().auth().oauth2(admin).header("Accept-Language", "en").post(PATH + "/not-a-uuid/hide").then()
                .statusCode(404).body("title", equalTo("Suggestion not found"));
        // An answer without a suggestion has nothing to publish.
        UUID silent = UUID.randomUUID();
        SurveyFixtures.sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at) "
                + "values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", silent, site, AT);
        SurveyFixtures.sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4, u5, "
                + "u6, u7, u8, u9) values ($1, $2, 'anonymous', 3, 3, 3, 3, 3, 3, 3, 3, 3)", silent, AT);
        given().auth().oauth2(admin).post(PATH + "/" + silent + "/publish").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("from", "2026-05-01").queryParam("to", "2026-05-31").get(PATH)
                .then().statusCode(400).body("errors.field", hasItem("site"));
        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", "2026-5-1")
                .queryParam("to", "2026-05-31").get(PATH).then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", "2026-05-01").get(PATH).then()
                .statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", "2026-05-31")
                .queryParam("to", "2026-05-01").get(PATH).then().statusCode(400)
                .body("errors[0].code", equalTo("survey-dates"));
        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").queryParam("state", "MAYBE").get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("state"));
        given().auth().oauth2(admin).queryParam("site", "NO-SUCH-SITE").queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-31").get(PATH).then().statusCode(404).body("code", not(equalTo("")));
    }
}
