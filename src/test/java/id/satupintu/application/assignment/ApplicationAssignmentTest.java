package id.satupintu.application.assignment;

import static id.satupintu.application.ApplicationFixtures.account;
import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.deadline;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.application.ApplicationFixtures.Account;
import id.satupintu.application.sla.SlaWatch;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationAssignmentTest {

    @Inject
    SlaWatch watch;

    private static ValidatableResponse assign(String token, String tn, String officerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("officerId", officerId);
        return as(token).body(body).put("/api/v1/applications/" + tn + "/assignment").then().log().ifValidationFails();
    }

    private static ValidatableResponse unassign(String token, String tn) {
        return as(token).delete("/api/v1/applications/" + tn + "/assignment").then();
    }

    private static List<String> queue(String token, String assignedTo) {
        return as(token).queryParam("assignedTo", assignedTo).get("/api/v1/applications").then().statusCode(200)
                .extract().path("items.trackingNumber");
    }

    /** The assignment steps of the history as the agency's staff see them: [action, assigneeId]. */
    private static List<List<String>> assignmentSteps(String token, String tn) {
        List<Map<String, Object>> history = as(token).get("/api/v1/applications/" + tn + "/history").then()
                .statusCode(200).extract().path("");
        List<List<String>> steps = new ArrayList<>();
        for (Map<String, Object> h : history) {
            String action = (String) h.get("action");
            if (action.endsWith("assign")) {
                steps.add(java.util.Arrays.asList(action, (String) h.get("assigneeId")));
            }
        }
        return steps;
    }

    @Test
    void supervisorAssignsReassignsAndReleasesWithHistory() {
        ApplicationFixtures f = new ApplicationFixtures();
        Account a = account(Roles.OFFICER, f.agency);
        Account b = account(Roles.OFFICER, f.agency);
        String tn = f.submitted();
        String other = f.submitted();

        assign(f.supervisor, tn, a.id()).statusCode(200)
                .body("assignment.officerId", equalTo(a.id())).body("assignment.assignedAt", notNullValue());
        // Staff see who has it; the applicant does not.
        as(f.officer).get("/api/v1/applications/" + tn).then().body("assignment.officerId", equalTo(a.id()));
        as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200).body("assignment", nullValue());
        as(f.citizen).get("/api/v1/me/applications").then().body("items.assignedTo", everyItem(nullValue()));

        assertEquals(List.of(tn), queue(a.token(), "me"));
        assertEquals(List.of(tn), queue(f.supervisor, a.id()));
        assertEquals(List.of(other), queue(f.supervisor, "unassigned"));
        as(f.supervisor).queryParam("assignedTo", "unassigned").get("/api/v1/applications").then()
                .body("items[0].assignedTo", nullValue());
        as(f.supervisor).get("/api/v1/applications").then().body("items.assignedTo", hasItem(a.id()));

        // Assigning the current assignee again is no step at all.
        assign(f.supervisor, tn, a.id()).statusCode(200);
        assign(f.supervisor, tn, b.id()).statusCode(200).body("assignment.officerId", equalTo(b.id()));
        assertEquals(List.of(), queue(a.token(), "me"));
        assertEquals(List.of(tn), queue(b.token(), "me"));
        unassign(f.supervisor, tn).statusCode(200).body("assignment", nullValue());
        unassign(f.supervisor, tn).statusCode(200);
        assertEquals(List.of(tn, other).stream().sorted().toList(),
                queue(f.supervisor, "unassigned").stream().sorted().toList());

        assertEquals(List.of(List.of("assign", a.id()), List.of("reassign", b.id()), java.util.Arrays.asList("unassign", null)),
                assignmentSteps(f.supervisor, tn));
        // The applicant sees that the file was handed on, not to whom nor by whom.
        as(f.citizen).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("findAll { it.action == 'reassign' }.size()", equalTo(1))
                .body("assigneeId", everyItem(nullValue())).body("actorId", everyItem(nullValue()));
        as(f.officer).get("/api/v1/applications/" + tn + "/history").then()
                .body("find { it.action == 'assign' }.toState", equalTo("SUBMITTED"))
                .body("find { it.action == 'assign' }.actorRole", equalTo("supervisor"));
        // Each step is an event on the application's stream, without the officer's id.
        assertEquals(1, events(tn, "application.assign"));
        assertEquals(1, events(tn, "application.reassign"));
        assertEquals(1, events(tn, "application.unassign"));
    }

    @Test
    void anOfficerTakesAFreeApplicationAndReleasesOnlyTheirOwn() {
        ApplicationFixtures f = new ApplicationFixtures();
        Account a = account(Roles.OFFICER, f.agency);
        Account b = account(Roles.OFFICER, f.agency);
        String tn = f.submitted();

        assign(b.token(), tn, a.id()).statusCode(403).body("code", equalTo("assignment-supervisor-only"));
        assign(a.token(), tn, a.id()).statusCode(200).body("assignment.officerId", equalTo(a.id()));
        assign(b.token(), tn, b.id()).statusCode(409).body("code", equalTo("application-already-assigned"));
        unassign(b.token(), tn).statusCode(403).body("code", equalTo("assignment-not-yours"));
        unassign(a.token(), tn).statusCode(200).body("assignment", nullValue());
        unassign(a.token(), tn).statusCode(403);
        assign(b.token(), tn, b.id()).statusCode(200);
        // The assignee may still act on the workflow, and so may the rest of the agency's staff.
        act(b.token(), tn, "start-verification").statusCode(200).body("assignment.officerId", equalTo(b.id()));
        // An admin acts as a supervisor.
        assign(TestTokens.admin(), tn, a.id()).statusCode(200).body("assignment.officerId", equalTo(a.id()));
    }

    @Test
    void whoMayAssignAndWhom() {
        ApplicationFixtures f = new ApplicationFixtures();
        Account a = account(Roles.OFFICER, f.agency);
        Account otherAgencys = account(Roles.OFFICER, "DISDUKCAPIL-BDG");
        Account supervisorAccount = account(Roles.SUPERVISOR, f.agency);
        String tn = f.submitted();

        // Not the agency's deciding staff: the applicant and counter staff may read, not assign.
        assign(f.citizen, tn, a.id()).statusCode(403).body("code", equalTo("forbidden"));
        assign(f.counter, tn, a.id()).statusCode(403);
        unassign(f.citizen, tn).statusCode(403);
        // Strangers are told the application does not exist.
        assign(TestTokens.citizen(UUID.randomUUID().toString()), tn, a.id()).statusCode(404)
                .body("code", equalTo("application-not-found"));
        assign(TestTokens.staff(Roles.SUPERVISOR, "DISDUKCAPIL-BDG", "MPP-BDG"), tn, a.id()).statusCode(404);
        assign(otherAgencys.token(), tn, otherAgencys.id()).statusCode(404);
        assign(f.supervisor, "BDG-261123-7KQ4MX-H", a.id()).statusCode(404);
        assign(f.supervisor, "not-a-number", a.id()).statusCode(404);
        given().contentType("application/json").body(Map.of("officerId", a.id()))
                .put("/api/v1/applications/" + tn + "/assignment").then().statusCode(401);

        // Whom: an active officer account of the application's agency.
        assign(f.supervisor, tn, null).statusCode(400).body("errors[0].field", equalTo("officerId"))
                .body("errors[0].code", equalTo("required"));
        assign(f.supervisor, tn, "petugas-7").statusCode(400).body("errors[0].code", equalTo("invalid-format"));
        as(f.supervisor).body("{\"officerId\": [1]}").put("/api/v1/applications/" + tn + "/assignment").then()
                .statusCode(400);
        as(f.supervisor).body("{").put("/api/v1/applications/" + tn + "/assignment").then().statusCode(400);
        as(f.supervisor).put("/api/v1/applications/" + tn + "/assignment").then().statusCode(400);
        Map<String, Object> longNote = new HashMap<>(Map.of("officerId", a.id(), "note", "x".repeat(2001)));
        as(f.supervisor).body(longNote).put("/api/v1/applications/" + tn + "/assignment").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        assign(f.supervisor, tn, UUID.randomUUID().toString()).statusCode(422)
                .body("code", equalTo("assignee-not-eligible")).body("errors[0].code", equalTo("unknown-officer"));
        assign(f.supervisor, tn, otherAgencys.id()).statusCode(422)
                .body("errors[0].code", equalTo("officer-of-other-agency"));
        assign(f.supervisor, tn, supervisorAccount.id()).statusCode(422)
                .body("errors[0].code", equalTo("not-an-officer"));
        as(f.supervisor).header("Accept-Language", "en").body(Map.of("officerId", otherAgencys.id()))
                .put("/api/v1/applications/" + tn + "/assignment").then().statusCode(422)
                .body("title", equalTo("Officer cannot be assigned"));
        assign(f.supervisor, tn, otherAgencys.id()).body("title", equalTo("Petugas tidak dapat ditugaskan"));
        assertEquals(List.of(), assignmentSteps(f.supervisor, tn));

        // Only open files: not a draft, not a closed one.
        String draft = ApplicationFixtures.file(f.citizen, withDraft(f.body(ApplicationFixtures.form()))).statusCode(201)
                .extract().path("trackingNumber");
        assign(f.supervisor, draft, a.id()).statusCode(409).body("code", equalTo("application-not-assignable"));
        act(f.citizen, tn, "withdraw").statusCode(200);
        assign(f.supervisor, tn, a.id()).statusCode(409).body("code", equalTo("application-not-assignable"));

        // The queue filter takes me, unassigned or an officer's id.
        as(f.supervisor).queryParam("assignedTo", "nobody").get("/api/v1/applications").then().statusCode(400)
                .body("errors[0].field", equalTo("assignedTo"));
    }

    private static Map<String, Object> withDraft(Map<String, Object> body) {
        body.put("draft", true);
        return body;
    }

    /** Supervisors assigning at once: each change is a step, the last to take the lock wins, the history agrees. */
    @Test
    void racingAssignmentsLeaveAnExactHistory() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        List<Account> officers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            officers.add(account(Roles.OFFICER, f.agency));
        }
        List<Integer> statuses = race(officers.size(), i -> assign(f.supervisor, tn, officers.get(i).id())
                .extract().statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);

        List<List<String>> steps = assignmentSteps(f.supervisor, tn);
        assertEquals(6, steps.size());
        assertEquals("assign", steps.get(0).get(0));
        assertEquals(Set.of("reassign"), new HashSet<>(steps.subList(1, 6).stream().map(s -> s.get(0)).toList()));
        assertEquals(officers.stream().map(Account::id).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(steps.stream().map(s -> s.get(1)).toList()));
        String last = steps.get(5).get(1);
        as(f.supervisor).get("/api/v1/applications/" + tn).then().body("assignment.officerId", equalTo(last));
        assertEquals(List.of(tn), queue(f.supervisor, last));

        // Two officers taking the same free file: one gets it, the other is told it is taken.
        String free = f.submitted();
        Account x = officers.get(0);
        Account y = officers.get(1);
        List<Account> takers = List.of(x, y);
        List<Integer> takes = race(2, i -> assign(takers.get(i).token(), free, takers.get(i).id())
                .extract().statusCode());
        assertEquals(List.of(200, 409), takes);
        assertEquals(1, assignmentSteps(f.supervisor, free).size());
    }

    /** Supervisors find the breached applications of their agency in the queue. */
    @Test
    void supervisorsSeeBreaches() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String late = f.submitted();
        String onTime = f.submitted();
        act(f.officer, late, "start-verification").statusCode(200);
        deadline(late, "2026-03-02");
        deadline(onTime, "2026-03-20");
        VertxContextSupport.subscribeAndAwait(() -> watch.check(Instant.parse("2026-03-05T03:00:00Z")));
        as(f.supervisor).queryParam("breached", "true").get("/api/v1/applications").then().statusCode(200)
                .body("items.trackingNumber", contains(late)).body("items[0].slaBreached", equalTo(true));
        as(f.supervisor).queryParam("breached", "false").get("/api/v1/applications").then()
                .body("items.trackingNumber", not(hasItem(late))).body("items.trackingNumber", hasItem(onTime));
    }

    private static long events(String tn, String type) {
        try {
            return ApplicationFixtures.events(tn, type);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs n calls at the same moment; their statuses, sorted. */
    static List<Integer> race(int n, java.util.function.IntUnaryOperator call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return call.applyAsInt(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
