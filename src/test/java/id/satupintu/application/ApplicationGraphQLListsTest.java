package id.satupintu.application;

import static id.satupintu.application.document.ApplicationDocumentsTest.PDF;
import static id.satupintu.application.document.ApplicationDocumentsTest.PNG;
import static id.satupintu.application.document.ApplicationDocumentsTest.draft;
import static id.satupintu.application.document.ApplicationDocumentsTest.upload;
import static id.satupintu.application.ApplicationFixtures.account;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.application.ApplicationFixtures.Account;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.SqlStatements;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GraphQL lists with nested data, the operations REST has, and that lists cost a fixed number of statements. */
@QuarkusTest
class ApplicationGraphQLListsTest {

    private static final String MINE = """
            { myApplications(first: 50) { items { trackingNumber state
                service { code name agency { code name } }
                documents { requirementCode format size sha256 }
                history { action toState actorId } } } }""";

    private static final String QUEUE = """
            query($assignedTo: String) { workQueue(first: 50, assignedTo: $assignedTo) { items { trackingNumber
                assignedTo service { code agency { code } } documents { requirementCode sha256 }
                history { action actorId assigneeId } } nextCursor } }""";

    static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        return ApplicationGraphQLTest.graphql(token, query, variables);
    }

    /** A citizen's application with a document, submitted (nothing is mandatory in this fixture). */
    private static String withDocument(ApplicationFixtures f) {
        String tn = draft(f);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        ApplicationFixtures.as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
        return tn;
    }

    /**
     * 3 rows and 12 rows cost the same statements. A scheduled job (the webhook sweep runs every second in
     * tests) may land one statement in either count on a loaded machine, so a difference of one is
     * tolerated; loading per row would add at least nine.
     */
    private static void assertSameCost(long few, long many, String list) {
        assertTrue(Math.abs(many - few) <= 1, list + ": statements grow with rows: " + few + " for 3, " + many
                + " for 12");
    }

    @Test
    void listsCostTheSameNumberOfStatementsForFewAndManyRows() {
        ApplicationFixtures few = new ApplicationFixtures();
        ApplicationFixtures many = new ApplicationFixtures();
        for (int i = 0; i < 3; i++) {
            withDocument(few);
        }
        for (int i = 0; i < 12; i++) {
            withDocument(many);
        }
        graphql(many.citizen, MINE, Map.of()).body("errors", nullValue())
                .body("data.myApplications.items", hasSize(12))
                .body("data.myApplications.items.service.code", everyItem(equalTo(many.service)))
                .body("data.myApplications.items.service.agency.code", everyItem(equalTo(many.agency)))
                .body("data.myApplications.items.documents.requirementCode", everyItem(contains("ktp")))
                .body("data.myApplications.items.history.action", everyItem(contains("create", "submit")));

        long mineFew = SqlStatements.during(() -> graphql(few.citizen, MINE, Map.of())
                .body("data.myApplications.items", hasSize(3)));
        long mineMany = SqlStatements.during(() -> graphql(many.citizen, MINE, Map.of())
                .body("data.myApplications.items", hasSize(12)));
        assertSameCost(mineFew, mineMany, "myApplications");
        assertTrue(mineFew > 0 && mineFew <= 10, "myApplications statements: " + mineFew);

        long queueFew = SqlStatements.during(() -> graphql(few.supervisor, QUEUE, new HashMap<>())
                .body("errors", nullValue()).body("data.workQueue.items", hasSize(3)));
        long queueMany = SqlStatements.during(() -> graphql(many.supervisor, QUEUE, new HashMap<>())
                .body("errors", nullValue()).body("data.workQueue.items", hasSize(12)));
        assertSameCost(queueFew, queueMany, "workQueue");
        System.out.printf("GraphQL list statements: myApplications %d (3 and 12 rows), workQueue %d%n", mineFew,
                queueFew);
    }

    @Test
    void documentsOverGraphQLFollowTheRestRules() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = draft(f);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        upload(f.citizen, tn, "foto", "image/png", PNG).statusCode(200);
        String query = """
                query($tn: String!) { applicationDocuments(trackingNumber: $tn) { requirementCode format mediaType size }
                  application(trackingNumber: $tn) { documents { requirementCode } service { code } history { action } } }""";
        graphql(f.citizen, query, Map.of("tn", tn)).body("errors", nullValue())
                .body("data.applicationDocuments.requirementCode", contains("foto", "ktp"))
                .body("data.applicationDocuments.format", contains("PNG", "PDF"))
                .body("data.applicationDocuments[1].size", equalTo(PDF.length))
                .body("data.application.documents.requirementCode", contains("foto", "ktp"))
                .body("data.application.service.code", equalTo(f.service))
                .body("data.application.history.action", contains("create"));
        // The agency's staff read them as over REST; strangers and other agencies are told it does not exist.
        ApplicationFixtures.as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
        graphql(f.officer, query, Map.of("tn", tn)).body("errors", nullValue())
                .body("data.applicationDocuments", hasSize(2));
        graphql(TestTokens.citizen(UUID.randomUUID().toString()), query, Map.of("tn", tn))
                .body("errors[0].extensions.code", equalTo("application-not-found"))
                .body("data.applicationDocuments", nullValue());
        graphql(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG"),
                "query($tn: String!) { applicationDocuments(trackingNumber: $tn) { size } }", Map.of("tn", tn))
                .body("errors[0].extensions.code", equalTo("application-not-found"));
        graphql(null, "query($tn: String!) { applicationDocuments(trackingNumber: $tn) { size } }", Map.of("tn", tn))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void workQueueAssignmentAndSubmitOverGraphQL() {
        ApplicationFixtures f = new ApplicationFixtures();
        Account officer = account(Roles.OFFICER, f.agency);
        String tn = f.submitted();
        String assign = """
                mutation($tn: String!, $o: String!) { assignApplication(trackingNumber: $tn, officerId: $o) {
                  assignment { officerId } } }""";
        graphql(f.citizen, assign, Map.of("tn", tn, "o", officer.id()))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(f.supervisor, assign, Map.of("tn", tn, "o", UUID.randomUUID().toString()))
                .body("errors[0].extensions.code", equalTo("assignee-not-eligible"))
                .body("errors[0].extensions.errors[0].code", equalTo("unknown-officer"));
        graphql(f.supervisor, assign, Map.of("tn", tn, "o", officer.id())).body("errors", nullValue())
                .body("data.assignApplication.assignment.officerId", equalTo(officer.id()));
        graphql(officer.token(), QUEUE, Map.of("assignedTo", "me")).body("errors", nullValue())
                .body("data.workQueue.items.trackingNumber", contains(tn))
                .body("data.workQueue.items[0].assignedTo", equalTo(officer.id()))
                .body("data.workQueue.items[0].history.assigneeId", contains(nullValue(), equalTo(officer.id())));
        graphql(f.citizen, "query($tn: String!) { application(trackingNumber: $tn) { assignment { officerId } "
                + "history { action assigneeId } } }", Map.of("tn", tn)).body("errors", nullValue())
                .body("data.application.assignment", nullValue())
                .body("data.application.history.assigneeId", everyItem(nullValue()));
        graphql(f.citizen, QUEUE, new HashMap<>()).body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(f.supervisor, "{ workQueue(first: 500) { nextCursor } }", Map.of())
                .body("errors[0].extensions.errors[0].field", equalTo("first"));
        graphql(f.supervisor, QUEUE, Map.of("assignedTo", "someone"))
                .body("errors[0].extensions.errors[0].field", equalTo("assignedTo"));
        graphql(f.supervisor, "mutation($tn: String!) { unassignApplication(trackingNumber: $tn) { assignment { officerId } } }",
                Map.of("tn", tn)).body("errors", nullValue()).body("data.unassignApplication.assignment", nullValue());

        // The REST submit (draft or returned file) has its counterpart.
        String submit = "mutation($tn: String!) { submitFiledApplication(trackingNumber: $tn) { state } }";
        String draft = draft(f);
        graphql(f.officer, submit, Map.of("tn", draft)).body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(TestTokens.citizen(UUID.randomUUID().toString()), submit, Map.of("tn", draft))
                .body("errors[0].extensions.code", equalTo("application-not-found"));
        graphql(f.citizen, submit, Map.of("tn", draft)).body("errors", nullValue())
                .body("data.submitFiledApplication.state", equalTo("SUBMITTED"));
        graphql(f.citizen, submit, Map.of("tn", draft))
                .body("errors[0].extensions.code", equalTo("application-already-submitted"));
        // With a key, as submitApplication takes one: a retry gets the first answer.
        String keyed = "mutation($tn: String!, $key: String) { submitFiledApplication(trackingNumber: $tn, "
                + "idempotencyKey: $key) { state submittedAt } }";
        String other = draft(f);
        String key = UUID.randomUUID().toString();
        String submittedAt = graphql(f.citizen, keyed, Map.of("tn", other, "key", key)).body("errors", nullValue())
                .body("data.submitFiledApplication.state", equalTo("SUBMITTED"))
                .extract().path("data.submitFiledApplication.submittedAt");
        graphql(f.citizen, keyed, Map.of("tn", other, "key", key)).body("errors", nullValue())
                .body("data.submitFiledApplication.submittedAt", equalTo(submittedAt));
        ApplicationFixtures.act(f.officer, draft, "start-verification").statusCode(200);
        ApplicationFixtures.act(f.officer, draft, "return", Map.of("note", "Lengkapi")).statusCode(200);
        graphql(f.citizen, submit, Map.of("tn", draft)).body("data.submitFiledApplication.state", equalTo("SUBMITTED"));
    }
}
