package id.satupintu.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationGraphQLTest {

    private static final String SUBMIT = """
            mutation($input: ApplicationSubmissionInput!, $key: String) {
              submitApplication(input: $input, idempotencyKey: $key) {
                trackingNumber state ossStatusCode formJson applicant { userId filedBy } sla { deadline workingDaysLeft }
              } }""";

    static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.body(body).post("/graphql").then().statusCode(200);
    }

    private static Map<String, Object> input(ApplicationFixtures f, String formJson) {
        Map<String, Object> input = new HashMap<>();
        input.put("serviceCode", f.service);
        input.put("formJson", formJson);
        return input;
    }

    private static final String FORM = "{\"luasLantai\": 90, \"alamat\": \"Jl. Dago 3\", \"jenis\": \"B\"}";

    @Test
    void submitFollowAndDecideOverGraphQL() {
        ApplicationFixtures f = new ApplicationFixtures();
        String key = UUID.randomUUID().toString();
        String tn = graphql(f.citizen, SUBMIT, Map.of("input", input(f, FORM), "key", key))
                .body("errors", nullValue()).body("data.submitApplication.state", equalTo("SUBMITTED"))
                .body("data.submitApplication.applicant.filedBy", equalTo("CITIZEN"))
                .body("data.submitApplication.sla.deadline", notNullValue())
                .extract().path("data.submitApplication.trackingNumber");
        // A retry with the same key gets the same application.
        graphql(f.citizen, SUBMIT, Map.of("input", input(f, FORM), "key", key))
                .body("data.submitApplication.trackingNumber", equalTo(tn));

        String transition = """
                mutation($tn: String!, $input: TransitionInput!) {
                  transitionApplication(trackingNumber: $tn, input: $input) { state ossStatusCode } }""";
        graphql(f.officer, transition, Map.of("tn", tn, "input", Map.of("action", "start-verification")))
                .body("errors", nullValue()).body("data.transitionApplication.state", equalTo("IN_VERIFICATION"));
        graphql(f.citizen, transition, Map.of("tn", tn, "input", Map.of("action", "verify")))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(f.officer, transition, Map.of("tn", tn, "input", Map.of("action", "reject")))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("reason"));

        graphql(f.citizen, """
                query($tn: String!) { application(trackingNumber: $tn) { state formJson }
                  applicationStatus(trackingNumber: $tn) { state ossStatusCode deadline }
                  applicationHistory(trackingNumber: $tn) { action toState actorId }
                  myApplications(first: 10) { items { trackingNumber } nextCursor } }""", Map.of("tn", tn))
                .body("errors", nullValue())
                .body("data.application.state", equalTo("IN_VERIFICATION"))
                .body("data.applicationStatus.ossStatusCode", equalTo(10))
                .body("data.applicationHistory.action", contains("submit", "start-verification"))
                .body("data.applicationHistory.actorId", contains(nullValue(), nullValue()))
                .body("data.myApplications.items.trackingNumber", hasItem(tn));
    }

    @Test
    void sameAuthorizationAsRest() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        String query = "query($tn: String!) { application(trackingNumber: $tn) { state } }";
        graphql(TestTokens.citizen(UUID.randomUUID().toString()), query, Map.of("tn", tn))
                .body("errors[0].extensions.code", equalTo("application-not-found"));
        graphql(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG"), query, Map.of("tn", tn))
                .body("errors[0].extensions.code", equalTo("application-not-found"));
        graphql(null, query, Map.of("tn", tn)).body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(null, "query($tn: String!) { applicationStatus(trackingNumber: $tn) { state } }", Map.of("tn", tn))
                .body("data.applicationStatus.state", equalTo("SUBMITTED"));
        graphql(f.officer, "{ myApplications { items { trackingNumber } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("forbidden"));
    }

    @Test
    void permitsOverGraphQL() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        // Verified by one officer, decided by another (separation of duties).
        for (String action : new String[] {"start-verification", "verify"}) {
            ApplicationFixtures.act(f.officer, tn, action).statusCode(200);
        }
        for (String action : new String[] {"approve", "issue-permit"}) {
            ApplicationFixtures.act(f.supervisor, tn, action).statusCode(200);
        }
        ValidatableResponse detail = graphql(f.citizen, "query($tn: String!) { application(trackingNumber: $tn) "
                + "{ permit { number basis status verificationCode } } }", Map.of("tn", tn))
                .body("errors", nullValue()).body("data.application.permit.basis", equalTo("DECISION"));
        String number = detail.extract().path("data.application.permit.number");
        String code = detail.extract().path("data.application.permit.verificationCode");
        String revoke = "mutation($n: String!, $r: String!) { revokePermit(number: $n, reason: $r) { status } }";
        graphql(f.citizen, revoke, Map.of("n", number, "r", "Pelanggaran"))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(f.officer, revoke, Map.of("n", number, "r", "Pelanggaran"))
                .body("errors", nullValue()).body("data.revokePermit.status", equalTo("REVOKED"));
        graphql(null, "query($c: String!) { permitVerification(code: $c) { status permitNumber revocationReason } }",
                Map.of("c", code)).body("errors", nullValue())
                .body("data.permitVerification.status", equalTo("REVOKED"))
                .body("data.permitVerification.permitNumber", equalTo(number))
                .body("data.permitVerification.revocationReason", equalTo("Pelanggaran"));
        graphql(null, "{ permitVerification(code: \"nope\") { status } }", Map.of())
                .body("errors[0].extensions.code", equalTo("permit-not-found"));
    }

    @Test
    void badFormsAreFieldErrors() {
        ApplicationFixtures f = new ApplicationFixtures();
        graphql(f.citizen, SUBMIT, Map.of("input", input(f, "[1, 2]")))
                .body("errors[0].extensions.errors[0].field", equalTo("formJson"));
        graphql(f.citizen, SUBMIT, Map.of("input", input(f, "{not json")))
                .body("errors[0].extensions.errors[0].field", equalTo("formJson"));
        graphql(f.citizen, SUBMIT, Map.of("input", input(f, "{\"luasLantai\": \"big\"}")))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItem("form.luasLantai"));
        graphql(f.citizen, "{ myApplications(first: 0) { nextCursor } }", Map.of())
                .body("errors[0].extensions.errors[0].field", equalTo("first"));
    }
}
