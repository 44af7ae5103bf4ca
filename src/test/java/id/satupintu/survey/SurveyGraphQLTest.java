package id.satupintu.survey;

import static id.satupintu.survey.SurveyFixtures.allThrees;
import static id.satupintu.survey.SurveyFixtures.invitation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three survey operations over GraphQL, with REST's rules: they call the same services. */
@QuarkusTest
class SurveyGraphQLTest {

    static final String SURVEY = "query($t: String!) { survey(token: $t) { state site { code } elements { element name } } }";
    static final String ANSWER = """
            mutation($t: String!, $input: SurveySubmission!) { answerSurvey(token: $t, input: $input) { state } }""";
    static final String IKM = "query($s: String!) { ikm(site: $s) { respondents population ikm grade gradeLabel } }";

    static Map<String, Object> submission(int score) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int e = 1; e <= 9; e++) {
            answers.add(Map.of("element", e, "score", score));
        }
        return Map.of("answers", answers, "respondent", Map.of("sex", "L", "age", 40));
    }

    @Test
    void answeredOverGraphQLOnceAndCountedInTheIndex() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        QueueFixtures.graphql(null, SURVEY, Map.of("t", token)).body("errors", nullValue())
                .body("data.survey.state", equalTo("OPEN")).body("data.survey.site.code", equalTo(site))
                .body("data.survey.elements[8].name", equalTo("Sarana dan prasarana"));
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        QueueFixtures.graphql(kiosk, ANSWER, Map.of("t", token, "input", submission(4))).body("errors", nullValue())
                .body("data.answerSurvey.state", equalTo("ANSWERED"));
        QueueFixtures.graphql(kiosk, ANSWER, Map.of("t", token, "input", submission(4)))
                .body("errors[0].extensions.code", equalTo("survey-already-answered"));
        SurveyFixtures.from(SurveyFixtures.randomAddress(), null).body(allThrees())
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(409);
        QueueFixtures.graphql(null, IKM, Map.of("s", site)).body("errors", nullValue())
                .body("data.ikm.respondents", equalTo(1)).body("data.ikm.grade", equalTo("A"))
                .body("data.ikm.gradeLabel", equalTo("Sangat Baik"));
    }

    @Test
    void theSameRulesRefuseOverGraphQL() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        QueueFixtures.graphql(TestTokens.staff(Roles.COUNTER_STAFF, null, site), ANSWER,
                Map.of("t", token, "input", submission(3)))
                .body("errors[0].extensions.code", equalTo("survey-staff-cannot-answer"));
        Map<String, Object> eight = Map.of("answers", List.of(Map.of("element", 1, "score", 3)));
        QueueFixtures.graphql(null, ANSWER, Map.of("t", token, "input", eight))
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        QueueFixtures.graphql(null, SURVEY, Map.of("t", SurveyFixtures.newToken()))
                .body("errors[0].extensions.code", equalTo("survey-not-found"));
    }
}
