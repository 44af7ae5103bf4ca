package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.file;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationWorkflowTest {

    @Inject
    WorkflowSteps steps;

    @Test
    void happyPathToThePermitWithOssCodes() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200).body("state", equalTo("IN_VERIFICATION"))
                .body("ossStatusCode", equalTo(10));
        act(f.officer, tn, "verify", Map.of("note", "Berkas lengkap", "noteVisibility", "INTERNAL")).statusCode(200)
                .body("state", equalTo("IN_TECHNICAL_REVIEW")).body("ossStatusCode", equalTo(45));
        act(f.supervisor, tn, "approve").statusCode(200).body("state", equalTo("APPROVED"))
                .body("ossStatusCode", equalTo(50));
        act(f.supervisor, tn, "issue-permit").statusCode(200).body("state", equalTo("PERMIT_ISSUED"))
                .body("sla.workingDaysLeft", nullValue());
        // Final: nothing more.
        act(f.officer, tn, "reject", Map.of("reason", "late")).statusCode(409).body("code", equalTo("invalid-transition"));
        act(f.citizen, tn, "withdraw").statusCode(409);

        as(f.officer).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("action", contains("submit", "start-verification", "verify", "approve", "issue-permit"))
                .body("toState", contains("SUBMITTED", "IN_VERIFICATION", "IN_TECHNICAL_REVIEW", "APPROVED", "PERMIT_ISSUED"))
                .body("actorRole", contains("citizen", "officer", "officer", "supervisor", "supervisor"))
                .body("[2].note", equalTo("Berkas lengkap")).body("[2].noteVisibility", equalTo("INTERNAL"))
                .body("actorId", everyItem(notNullValue()));
        // The applicant sees every step but not internal notes nor which officer acted.
        as(f.citizen).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("size()", equalTo(5)).body("[2].note", nullValue()).body("actorId", everyItem(nullValue()));
    }

    @Test
    void returnPausesTheClockAndResubmissionRestartsIt() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "return").statusCode(400).body("errors.field", contains("note"));
        act(f.officer, tn, "return", Map.of("note", "Lengkapi alamat")).statusCode(200)
                .body("state", equalTo("RETURNED_FOR_REVISION")).body("ossStatusCode", equalTo(11))
                .body("sla.paused", equalTo(true));
        // Only the applicant revises and resubmits.
        act(f.officer, tn, "resubmit").statusCode(403);
        as(f.citizen).body(f.body(Map.of("luasLantai", 10, "alamat", "Jl. Braga 2", "jenis", "B")))
                .put("/api/v1/applications/" + tn).then().statusCode(200).body("form.alamat", equalTo("Jl. Braga 2"));
        as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("sla.paused", equalTo(false));
        as(f.citizen).get("/api/v1/applications/" + tn + "/history").then()
                .body("action", contains("submit", "start-verification", "return", "resubmit"))
                .body("[2].note", equalTo("Lengkapi alamat"));
    }

    @Test
    void rejectionNeedsAReasonAndWithdrawalIsTheApplicants() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "reject").statusCode(400).body("errors.field", contains("reason"));
        act(f.officer, tn, "reject", Map.of("reason", "x".repeat(2001))).statusCode(400)
                .body("errors.code", contains("max-length"));
        act(f.officer, tn, "reject", Map.of("reason", "Lokasi di luar zona")).statusCode(200)
                .body("state", equalTo("REJECTED")).body("ossStatusCode", equalTo(90));

        String other = f.submitted();
        act(f.officer, other, "withdraw").statusCode(403);
        act(f.citizen, other, "withdraw").statusCode(200).body("state", equalTo("WITHDRAWN"));
    }

    @Test
    void staffStepsNeedAnOfficerOrSupervisorOfTheAgency() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.citizen, tn, "start-verification").statusCode(403);
        act(f.counter, tn, "start-verification").statusCode(403);
        // Another agency's officer is told the application does not exist.
        act(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG"), tn, "start-verification").statusCode(404)
                .body("code", equalTo("application-not-found"));
        act(TestTokens.citizen(UUID.randomUUID().toString()), tn, "withdraw").statusCode(404);
        act(f.citizen, tn, "approve").statusCode(403);
        act(TestTokens.admin(), tn, "start-verification").statusCode(200);
    }

    /**
     * A submit retried on a flaky connection with its Idempotency-Key gets the first answer again (one
     * submit step); without the key it is told the application was already submitted, not that another
     * officer changed it; the same key for another application is refused.
     */
    @Test
    void aRetriedSubmitWithItsKeyGetsTheFirstAnswer() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("draft", true);
        String tn = file(f.citizen, body).statusCode(201).extract().path("trackingNumber");
        String key = UUID.randomUUID().toString();
        String first = as(f.citizen).header("Idempotency-Key", key).post("/api/v1/applications/" + tn + "/submit")
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).extract().asString();
        String again = as(f.citizen).header("Idempotency-Key", key).post("/api/v1/applications/" + tn + "/submit")
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).extract().asString();
        assertEquals(first, again);
        as(f.officer).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("findAll { it.action == 'submit' }.size()", equalTo(1));

        String detail = as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(409)
                .body("code", equalTo("application-already-submitted")).extract().path("detail");
        assertFalse(detail.contains("petugas lain"), detail);
        as(f.citizen).header("Accept-Language", "en").post("/api/v1/applications/" + tn + "/submit").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("already been submitted"))
                .body("detail", not(org.hamcrest.Matchers.containsString("another officer")));

        Map<String, Object> other = f.body(ApplicationFixtures.form());
        other.put("draft", true);
        String second = file(f.citizen, other).statusCode(201).extract().path("trackingNumber");
        as(f.citizen).header("Idempotency-Key", key).post("/api/v1/applications/" + second + "/submit").then()
                .statusCode(422).body("code", equalTo("idempotency-key-reused"));
        as(f.citizen).header("Idempotency-Key", "no spaces allowed").post("/api/v1/applications/" + second + "/submit")
                .then().statusCode(400);
        as(f.citizen).get("/api/v1/applications/" + second).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void stepsFromTheWrongStateAreConflicts() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "approve").statusCode(409).body("code", equalTo("invalid-transition"));
        act(f.officer, tn, "verify").statusCode(409);
        act(f.officer, tn, "issue-permit").statusCode(409);
        act(f.officer, tn, "return", Map.of("note", "x")).statusCode(409);
        act(f.citizen, tn, "submit").statusCode(409);
        act(f.citizen, tn, "resubmit").statusCode(409);
    }

    @Test
    void badTransitionRequestsAreProblems() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "teleport").statusCode(400).body("errors.code", contains("unknown-action"));
        as(f.officer).body(Map.of()).post("/api/v1/applications/" + tn + "/transitions").then().statusCode(400)
                .body("errors.field", contains("action"));
        act(f.officer, tn, "verify", Map.of("noteVisibility", "SECRET")).statusCode(400);
        act(f.officer, tn, "start-verification", Map.of("note", "n".repeat(2001))).statusCode(400)
                .body("errors.field", contains("note"));
        // The service's own step cannot be asked for.
        act(TestTokens.admin(), tn, "deem-approve", Map.of("reason", "x")).statusCode(403);
        act(f.officer, "BDG-261123-AAAAAA-0", "start-verification").statusCode(404);
        act(f.officer, "nonsense", "start-verification").statusCode(404);
    }

    @Test
    void twoOfficersAtOnceOneWins() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        for (int round = 0; round < 3; round++) {
            String tn = f.submitted();
            List<String> officers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                officers.add(TestTokens.staff(i % 2 == 0 ? Roles.OFFICER : Roles.SUPERVISOR, f.agency, "MPP-BDG"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(officers.size());
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (String officer : officers) {
                    calls.add(() -> act(officer, tn, "start-verification").extract().statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : pool.invokeAll(calls)) {
                    statuses.add(result.get());
                }
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
                assertEquals(officers.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            } finally {
                pool.shutdownNow();
            }
            as(f.officer).get("/api/v1/applications/" + tn + "/history").then()
                    .body("action", contains("submit", "start-verification"));
        }
    }

    @Test
    void deemedApprovalIsTheServicesOwnStep() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        ApplicationView view = VertxContextSupport.subscribeAndAwait(
                () -> steps.systemTransition(tn, "deem-approve", "SLA passed"));
        assertEquals(ApplicationState.DEEMED_APPROVED, view.state());
        assertEquals(57, view.ossStatusCode());
        assertThrows(IllegalArgumentException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> steps.systemTransition(tn, "approve", null)));
        as(f.officer).get("/api/v1/applications/" + tn + "/history").then()
                .body("[1].actorRole", equalTo("system")).body("[1].reason", equalTo("SLA passed"));
        act(f.officer, tn, "issue-permit").statusCode(200).body("state", equalTo("PERMIT_ISSUED"));
    }

    @Test
    void historyCannotBeRewritten() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        Throwable failure = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update application_history set note = 'changed' where application_id = "
                                + "(select id from application where tracking_number = ?1)")
                .setParameter(1, tn).executeUpdate()))
                .onItemOrFailure().transform((ok, error) -> error));
        assertFalse(failure == null, "history update must fail");
    }

    @Test
    void eventsCarryOnlyPublicData() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        java.util.Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("applicantNik", "3273014501900001");
        String tn = file(f.counter, body).statusCode(201).extract().path("trackingNumber");
        act(f.officer, tn, "start-verification", Map.of("note", "rahasia", "noteVisibility", "INTERNAL")).statusCode(200);
        String payloads = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select string_agg(payload::text, ' ' order by id) from event where stream = "
                                + "(select 'application:' || id from application where tracking_number = ?1)", String.class)
                .setParameter(1, tn).getSingleResult())));
        org.hamcrest.MatcherAssert.assertThat(payloads, org.hamcrest.Matchers.containsString(tn));
        org.hamcrest.MatcherAssert.assertThat(payloads, org.hamcrest.Matchers.containsString("start-verification"));
        org.hamcrest.MatcherAssert.assertThat(payloads, not(org.hamcrest.Matchers.containsString("3273")));
        org.hamcrest.MatcherAssert.assertThat(payloads, not(org.hamcrest.Matchers.containsString("rahasia")));
        org.hamcrest.MatcherAssert.assertThat(payloads, not(org.hamcrest.Matchers.containsString("Asia Afrika")));
    }
}
