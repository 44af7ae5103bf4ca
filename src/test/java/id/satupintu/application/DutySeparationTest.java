package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A permit needs two people: whoever prepares or verifies a file does not also decide it. */
@QuarkusTest
class DutySeparationTest {

    private static final String NIK = "3273014501900003";

    /** A complete file an officer makes at the counter for a citizen who brought a KTP. */
    private static String filedByStaff(ApplicationFixtures f, String officer) {
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("applicantNik", NIK);
        return file(officer, body).statusCode(201).extract().path("trackingNumber");
    }

    @Test
    void oneOfficerAloneCannotProduceAPermitAndTwoCan() {
        ApplicationFixtures f = new ApplicationFixtures();
        String clerk = f.officer;
        String tn = filedByStaff(f, clerk);

        // The officer who filed it cannot take any of its staff steps.
        for (String action : List.of("start-verification", "reject")) {
            act(clerk, tn, action, Map.of("reason", "x")).statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("preparer-cannot-decide"));
        }
        String verifier = TestTokens.staff(Roles.OFFICER, f.agency, ApplicationFixtures.SITE);
        act(verifier, tn, "start-verification").statusCode(200);
        act(verifier, tn, "verify").statusCode(200).body("state", equalTo("IN_TECHNICAL_REVIEW"));
        // The verifier neither approves nor issues; the preparer still cannot.
        act(verifier, tn, "approve").statusCode(403).body("code", equalTo("verifier-cannot-decide"));
        act(clerk, tn, "approve").statusCode(403).body("code", equalTo("preparer-cannot-decide"));
        act(f.supervisor, tn, "approve").statusCode(200).body("state", equalTo("APPROVED"));
        act(verifier, tn, "issue-permit").statusCode(403).body("code", equalTo("verifier-cannot-decide"));
        act(f.supervisor, tn, "issue-permit").statusCode(200).body("state", equalTo("PERMIT_ISSUED"))
                .body("permit.status", equalTo("VALID"));

        List<String> actors = as(f.supervisor).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("action", contains("submit", "start-verification", "verify", "approve", "issue-permit"))
                .extract().path("actorId");
        assertNotEquals(actors.get(0), actors.get(2), "the preparer and the verifier are two people");
        assertNotEquals(actors.get(2), actors.get(3), "the verifier and the approver are two people");
        assertEquals(actors.get(3), actors.get(4));
        assertEquals(3, new HashSet<>(actors).size());
    }

    @Test
    void theLastStaffMemberToEditADraftIsItsPreparer() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("applicantNik", NIK);
        body.put("draft", true);
        String tn = file(f.counter, body).statusCode(201).extract().path("trackingNumber");
        // An officer takes the draft over at the counter, corrects it and submits it.
        Map<String, Object> edit = f.body(ApplicationFixtures.form());
        edit.put("draft", true);
        as(f.officer).body(edit).put("/api/v1/applications/" + tn).then().statusCode(200);
        as(f.officer).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
        act(f.officer, tn, "start-verification").statusCode(403).body("code", equalTo("preparer-cannot-decide"));
        act(f.supervisor, tn, "start-verification").statusCode(200);
    }

    @Test
    void theRuleHoldsOverGraphQLAndSpeaksEnglishOnRequest() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "verify").statusCode(200);
        given().auth().oauth2(f.officer).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("query", "mutation($tn: String!) { transitionApplication(trackingNumber: $tn, "
                        + "input: {action: \"approve\"}) { state } }", "variables", Map.of("tn", tn)))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("verifier-cannot-decide"))
                .body("errors[0].extensions.status", equalTo(403))
                .body("errors[0].message", equalTo("You verified this application, so the step approve must be "
                        + "taken by another officer (separation of duties)."));
    }

    @Test
    void aStandardMayLetOneOfficerDecideAndNonperizinanDoesByDefault() {
        ApplicationFixtures f = new ApplicationFixtures("NONPERIZINAN", false, null);
        String tn = f.submitted();
        for (String action : List.of("start-verification", "verify", "approve")) {
            act(f.officer, tn, action).statusCode(200);
        }
    }
}
