package id.satupintu.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GraphQL with the same privacy rules as REST. */
@QuarkusTest
class ComplaintGraphQLTest {

    private static final String FILE = """
            mutation($input: ComplaintSubmissionInput!) { fileComplaint(input: $input) {
              secret complaint { trackingCode state reporterMode reporter { userId } deadline { stage dueOn } }
            } }""";
    private static final String GET = """
            query($code: String!, $secret: String) { complaint(trackingCode: $code, secret: $secret) {
              trackingCode state reporterMode reporter { userId name } actions attributesJson
            } }""";
    private static final String STEP = """
            mutation($code: String!, $input: ComplaintTransitionInput!) {
              transitionComplaint(trackingCode: $code, input: $input) { state deadline { stage } } }""";

    private static ValidatableResponse graphql(ComplaintFixtures f, String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().header("X-Forwarded-For", f.address).contentType(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.body(body).post("/graphql").then().statusCode(200);
    }

    private static Map<String, Object> input(ComplaintFixtures f, String mode) {
        Map<String, Object> input = new HashMap<>(f.body(mode));
        input.put("categoryCode", "PUNGLI");
        input.put("attributesJson", "{\"amount\": 50000}");
        return input;
    }

    @Test
    void fileFollowAndHandleWithTheSamePrivacy() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = graphql(f, f.citizen, FILE, Map.of("input", input(f, "CONFIDENTIAL")))
                .body("errors", nullValue())
                .body("data.fileComplaint.secret", nullValue())
                .body("data.fileComplaint.complaint.reporter.userId", equalTo(f.citizenId))
                .body("data.fileComplaint.complaint.deadline.stage", equalTo("VERIFY"))
                .extract().path("data.fileComplaint.complaint.trackingCode");
        graphql(f, f.desk, GET, Map.of("code", code)).body("data.complaint.reporter.userId", equalTo(f.citizenId))
                .body("data.complaint.attributesJson", equalTo("{\"amount\":50000}"))
                .body("data.complaint.actions", hasItem("verify"));
        graphql(f, f.desk, STEP, Map.of("code", code, "input", Map.of("action", "verify")))
                .body("data.transitionComplaint.state", equalTo("VERIFIED"));
        graphql(f, f.desk, STEP, Map.of("code", code, "input", Map.of("action", "forward", "agencyCode", f.agency)))
                .body("data.transitionComplaint.deadline.stage", equalTo("FOLLOW_UP"));
        String asAgency = graphql(f, f.officer, GET, Map.of("code", code))
                .body("data.complaint.reporterMode", equalTo("CONFIDENTIAL"))
                .body("data.complaint.reporter", nullValue()).extract().asString();
        assertFalse(asAgency.contains(f.citizenId));
        String history = graphql(f, f.officer, "query($code: String!) { complaintHistory(trackingCode: $code) { action actorId actorRole } }",
                Map.of("code", code)).body("data.complaintHistory.action", hasItem("file")).extract().asString();
        assertFalse(history.contains(f.citizenId));
        graphql(f, f.otherOfficer, GET, Map.of("code", code))
                .body("errors[0].extensions.code", equalTo("complaint-not-found"));
        graphql(f, f.citizen, STEP, Map.of("code", code, "input", Map.of("action", "verify")))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(f, f.desk, "query($site: String!) { complaintDeadlineRecord(siteCode: $site) { agencyCode missedDeadlines } }",
                Map.of("site", f.site)).body("errors", nullValue());
        graphql(f, f.officer, "query { complaints { items { trackingCode reporterMode } } }", Map.of())
                .body("data.complaints.items.trackingCode", hasItem(code));
    }

    @Test
    void anonymousFilingAndFollowingWithoutAToken() {
        ComplaintFixtures f = new ComplaintFixtures();
        var filed = graphql(f, null, FILE, Map.of("input", input(f, null)))
                .body("data.fileComplaint.complaint.reporterMode", equalTo("ANONYMOUS"))
                .body("data.fileComplaint.secret", notNullValue()).extract();
        String code = filed.path("data.fileComplaint.complaint.trackingCode");
        String secret = filed.path("data.fileComplaint.secret");
        graphql(f, null, GET, Map.of("code", code, "secret", secret)).body("data.complaint.state", equalTo("RECEIVED"))
                .body("data.complaint.reporter", nullValue());
        graphql(f, null, GET, Map.of("code", code)).body("errors[0].extensions.code", equalTo("complaint-not-found"));
        // Bad input is a field error with the same code as REST.
        Map<String, Object> bad = input(f, null);
        bad.put("attributesJson", "[1,2");
        graphql(f, null, FILE, Map.of("input", bad)).body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql(f, null, "query { complaintCategories { code name attributes { code datatype required } } }", Map.of())
                .body("data.complaintCategories.code", hasItem("PUNGLI"));
        graphql(f, null, "query { myComplaints { items { trackingCode } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }
}
