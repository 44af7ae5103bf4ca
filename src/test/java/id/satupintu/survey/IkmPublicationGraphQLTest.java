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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The published report, suggestion moderation and the follow-up plan over /graphql: the same services as REST,
 * so the same results, the same access rules (another site's supervisor, an officer, no token) and codes.
 */
@QuarkusTest
class IkmPublicationGraphQLTest {

    static final String REPORT = """
            query($s: String!) { ikmPublication(site: $s, from: "2026-01-01", to: "2026-12-31") {
              ikm { respondents ikm grade } priorities { element ikm }
              profile { sex { key value } age { key value } }
              suggestions { text } followUpPlans { from to items { element action owner deadline } } } }""";
    static final String SUGGESTIONS = """
            query($s: String!, $state: String) { surveySuggestions(site: $s, from: "2026-03-01", to: "2026-03-31",
              state: $state) { id text state publishedText } }""";
    static final String PUBLISH = "mutation($id: String!) { publishSuggestion(id: $id) { id state publishedText } }";
    static final String HIDE = "mutation($id: String!) { hideSuggestion(id: $id) { id state publishedText } }";
    static final String PLAN = """
            query($s: String!) { followUpPlan(site: $s, from: "2026-01-01", to: "2026-03-31") {
              version items { element action } publishedVersion publishedItems { action } } }""";
    static final String WRITE = """
            mutation($s: String!, $to: String!, $input: FollowUpPlanInput!) {
              writeFollowUpPlan(site: $s, from: "2026-01-01", to: $to, input: $input) { version items { element } } }""";
    static final String PUBLISH_PLAN = """
            mutation($s: String!, $v: Int) { publishFollowUpPlan(site: $s, from: "2026-01-01", to: "2026-03-31",
              version: $v) { version publishedVersion publishedAt } }""";

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static Map<String, Object> plan(Integer version, Object element) {
        Map<String, Object> item = vars("element", element, "action", "Tambah loket", "owner", "Sekretariat",
                "deadline", "2026-06-30");
        return vars("version", version, "items", List.of(item));
    }

    @Test
    void supervisorsModerateAndPlanOverGraphQLAndThePublicReportShowsIt() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        UUID id = IkmPublicationTest.answer(site, new int[] {3, 4, 1, 4, 4, 4, 4, 4, 2}, "L", 19, "SMA", "SWASTA",
                "Telepon kantor (022) 720 1234 atau 0812-3456-7890");
        IkmPublicationTest.answer(site, new int[] {3, 4, 2, 4, 4, 4, 4, 4, 2}, "P", 35, "S1", "PNS", "Rahasia");

        QueueFixtures.graphql(supervisor, SUGGESTIONS, vars("s", site, "state", "PENDING"))
                .body("errors", nullValue()).body("data.surveySuggestions.size()", equalTo(2));
        QueueFixtures.graphql(supervisor, PUBLISH, vars("id", id.toString())).body("errors", nullValue())
                .body("data.publishSuggestion.state", equalTo("PUBLISHED"))
                .body("data.publishSuggestion.publishedText", equalTo("Telepon kantor [data pribadi] atau [data pribadi]"));
        // The decision is the one REST sees.
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").queryParam("state", "PUBLISHED").get("/api/v1/ikm/suggestions")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(id.toString()));

        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(null, 3)))
                .body("errors", nullValue()).body("data.writeFollowUpPlan.version", equalTo(1));
        QueueFixtures.graphql(supervisor, PUBLISH_PLAN, vars("s", site, "v", 1)).body("errors", nullValue())
                .body("data.publishFollowUpPlan.publishedVersion", equalTo(1));
        QueueFixtures.graphql(supervisor, PLAN, vars("s", site)).body("errors", nullValue())
                .body("data.followUpPlan.publishedItems[0].action", equalTo("Tambah loket"));

        // Public, anonymous: the same report as REST's JSON.
        QueueFixtures.graphql(null, REPORT, vars("s", site)).body("errors", nullValue())
                .body("data.ikmPublication.ikm.respondents", equalTo(2))
                .body("data.ikmPublication.priorities.element", equalTo(List.of(3, 9, 1)))
                .body("data.ikmPublication.profile.sex.find { it.key == 'L' }.value", equalTo(1))
                .body("data.ikmPublication.profile.age.find { it.key == '30-39' }.value", equalTo(1))
                .body("data.ikmPublication.suggestions.text",
                        equalTo(List.of("Telepon kantor [data pribadi] atau [data pribadi]")))
                .body("data.ikmPublication.followUpPlans[0].items[0].deadline", equalTo("2026-06-30"))
                .body(not(containsString("720 1234"))).body(not(containsString("Rahasia")));
        given().queryParam("site", site).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/ikm/report").then().statusCode(200)
                .body("suggestions[0].text", equalTo("Telepon kantor [data pribadi] atau [data pribadi]"))
                .body("followUpPlans[0].items[0].action", equalTo("Tambah loket"));

        QueueFixtures.graphql(TestTokens.admin(), HIDE, vars("id", id.toString())).body("errors", nullValue())
                .body("data.hideSuggestion.state", equalTo("HIDDEN"))
                .body("data.hideSuggestion.publishedText", nullValue());
        QueueFixtures.graphql(null, REPORT, vars("s", site)).body("data.ikmPublication.suggestions.size()", equalTo(0));
    }

    @Test
    void theSameRulesAndCodesAsRest() {
        String site = QueueFixtures.openSite();
        String other = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        UUID id = IkmPublicationTest.answer(site, new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3}, null, null, null, null,
                "Petugas ramah");
        for (String token : new String[] {TestTokens.staff(Roles.SUPERVISOR, null, other),
                TestTokens.staff(Roles.OFFICER, null, site), QueueFixtures.citizen(),
                QueueFixtures.device(Roles.KIOSK, site)}) {
            QueueFixtures.graphql(token, SUGGESTIONS, vars("s", site)).body("data.surveySuggestions", nullValue())
                    .body("errors[0].extensions.code", equalTo("forbidden"));
            QueueFixtures.graphql(token, PUBLISH, vars("id", id.toString()))
                    .body("errors[0].extensions.code", equalTo("forbidden"));
            QueueFixtures.graphql(token, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(null, 3)))
                    .body("errors[0].extensions.code", equalTo("forbidden"));
            QueueFixtures.graphql(token, PLAN, vars("s", site)).body("errors[0].extensions.code", equalTo("forbidden"));
        }
        QueueFixtures.graphql(null, PUBLISH, vars("id", id.toString()))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        QueueFixtures.graphql(null, PUBLISH_PLAN, vars("s", site, "v", 1))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        // Nothing above changed anything.
        QueueFixtures.graphql(supervisor, SUGGESTIONS, vars("s", site, "state", "PENDING"))
                .body("data.surveySuggestions.size()", equalTo(1));
        QueueFixtures.graphql(supervisor, PLAN, vars("s", site))
                .body("errors[0].extensions.code", equalTo("survey-plan-not-found"));

        QueueFixtures.graphql(supervisor, PUBLISH, vars("id", UUID.randomUUID().toString()))
                .body("errors[0].extensions.code", equalTo("suggestion-not-found"));
        QueueFixtures.graphql(supervisor, PUBLISH, vars("id", "not-a-uuid\u0000"))
                .body("errors[0].extensions.code", not(equalTo("internal-error")));
        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(null, 10)))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItem("items[0].element"));
        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2025-12-31", "input", plan(null, 3)))
                .body("errors[0].extensions.errors[0].code", equalTo("survey-dates"));
        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(null, 3)))
                .body("errors", nullValue());
        // A stale version is the REST 409's code.
        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(7, 3)))
                .body("errors[0].extensions.code", equalTo("survey-plan-version"));
        QueueFixtures.graphql(supervisor, PUBLISH_PLAN, vars("s", site, "v", 2))
                .body("errors[0].extensions.code", equalTo("survey-plan-version"));
        // Without a version: the field REST names too.
        QueueFixtures.graphql(supervisor, PUBLISH_PLAN, vars("s", site))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItem("version"));
        // GraphQL's own Int check: a string element never reaches the service.
        QueueFixtures.graphql(supervisor, WRITE, vars("s", site, "to", "2026-03-31", "input", plan(1, "three")))
                .body("data", nullValue()).body("errors.size()", equalTo(1));
        QueueFixtures.graphql(null, REPORT, vars("s", "NO-SUCH-SITE"))
                .body("errors[0].extensions.code", not(equalTo("internal-error")))
                .body("data.ikmPublication", nullValue());
        QueueFixtures.graphql(null, "{ ikmPublication(site: \"" + site + "\", from: \"2026-02-30\") { ikm { ikm } } }",
                Map.of()).body("errors[0].extensions.errors.field", hasItem("from"));
    }
}
