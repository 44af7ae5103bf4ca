package id.satupintu.queue.counter;

import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.PASPOR;
import static id.satupintu.queue.QueueFixtures.act;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallTest {

    @Test
    void aTicketGoesThroughServiceAtTheCounter() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 5, "A");
        String first = kioskTicket(site, KTP, null);
        String second = kioskTicket(site, KTP, null);
        String third = kioskTicket(site, KTP, null);

        callNext(counter).then().statusCode(200).body("id", equalTo(first)).body("number", equalTo("A-001"))
                .body("status", equalTo("CALLED")).body("counterNumber", equalTo(5)).body("callCount", equalTo(1));
        callNext(counter).then().statusCode(409).body("code", equalTo("counter-busy"));
        given().auth().oauth2(counter.staff()).post("/api/v1/counters/" + counter.id() + "/close")
                .then().statusCode(409).body("code", equalTo("counter-busy"));
        act(counter, first, "finish").then().statusCode(409).body("code", equalTo("ticket-state"));
        act(counter, first, "recall").then().statusCode(200).body("callCount", equalTo(2));
        act(counter, first, "start").then().statusCode(200).body("status", equalTo("SERVING"));
        act(counter, first, "no-show").then().statusCode(409);
        act(counter, first, "finish").then().statusCode(200).body("status", equalTo("DONE"));
        act(counter, first, "finish").then().statusCode(409);
        act(counter, first, "return").then().statusCode(409);

        callNext(counter).then().statusCode(200).body("id", equalTo(second));
        act(counter, second, "no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        callNext(counter).then().statusCode(200).body("id", equalTo(third));
        act(counter, third, "return").then().statusCode(200).body("status", equalTo("WAITING"));
        callNext(counter).then().statusCode(200).body("id", equalTo(third)).body("callCount", equalTo(2));
        act(counter, third, "no-show").then().statusCode(200);
        callNext(counter).then().statusCode(204);
    }

    @Test
    void priorityCitizensGoFirstButRegularOnesAreNotStarved() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String r1 = kioskTicket(site, KTP, null);
        String r2 = kioskTicket(site, KTP, null);
        List<String> priority = new ArrayList<>();
        for (String category : List.of("ELDERLY", "DISABILITY", "PREGNANT", "WITH_CHILDREN", "ELDERLY")) {
            priority.add(kioskTicket(site, KTP, category));
        }
        // satupintu.queue.max-priority-in-row = 3
        List<String> expected = List.of(priority.get(0), priority.get(1), priority.get(2), r1, priority.get(3),
                priority.get(4), r2);
        List<String> called = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String id = callNext(counter).then().statusCode(200).extract().path("id");
            called.add(id);
            act(counter, id, "start").then().statusCode(200);
            act(counter, id, "finish").then().statusCode(200);
        }
        assertEquals(expected, called);
    }

    @Test
    void aPhonesPriorityIsAClaimUntilTheSiteConfirmsIt() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String earlier = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", KTP, null)
                .then().statusCode(201).extract().path("id");
        String holder = QueueFixtures.citizen();
        String claimed = QueueFixtures.issue(site, holder, "PHONE", KTP, "ELDERLY").then().statusCode(201)
                .body("priority", equalTo("ELDERLY")).body("priorityState", equalTo("CLAIMED"))
                .body("position", equalTo(2)).extract().path("id");

        // Nobody but the site's staff or kiosks confirms: not the holder, not staff of another site.
        String confirmation = "/api/v1/tickets/" + claimed + "/priority-confirmation";
        given().auth().oauth2(holder).post(confirmation).then().statusCode(403);
        String elsewhere = QueueFixtures.openSite();
        given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, elsewhere)).post(confirmation)
                .then().statusCode(403);
        given().auth().oauth2(QueueFixtures.device(Roles.KIOSK, elsewhere)).post(confirmation).then().statusCode(403);

        // Unconfirmed, the claim waits its turn.
        callNext(counter).then().statusCode(200).body("id", equalTo(earlier));
        act(counter, earlier, "return").then().statusCode(200);
        given().auth().oauth2(holder).get("/api/v1/tickets/" + claimed).then().statusCode(200)
                .body("priorityState", equalTo("CLAIMED")).body("position", equalTo(2));

        given().auth().oauth2(counter.staff()).post(confirmation).then().statusCode(200)
                .body("priorityState", equalTo("CONFIRMED"));
        given().auth().oauth2(counter.staff()).post(confirmation).then().statusCode(409)
                .body("code", equalTo("priority-not-claimed"));
        given().auth().oauth2(holder).get("/api/v1/tickets/" + claimed).then().statusCode(200)
                .body("priorityState", equalTo("CONFIRMED")).body("position", equalTo(1));
        callNext(counter).then().statusCode(200).body("id", equalTo(claimed));
    }

    @Test
    void aKioskOfTheSiteConfirmsAPhonesPriorityAndAKiosksOwnPriorityIsImmediate() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String regular = kioskTicket(site, KTP, null);
        String claimed = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", KTP, "PREGNANT")
                .then().statusCode(201).extract().path("id");
        String atKiosk = QueueFixtures.issue(site, QueueFixtures.device(Roles.KIOSK, site), "KIOSK", KTP, "ELDERLY")
                .then().statusCode(201).body("priorityState", equalTo("CONFIRMED")).extract().path("id");
        given().auth().oauth2(QueueFixtures.device(Roles.KIOSK, site))
                .post("/api/v1/tickets/" + claimed + "/priority-confirmation").then().statusCode(200);
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = callNext(counter).then().statusCode(200).extract().path("id");
            called.add(id);
            act(counter, id, "start").then().statusCode(200);
            act(counter, id, "finish").then().statusCode(200);
        }
        assertEquals(List.of(claimed, atKiosk, regular), called);
    }

    @Test
    void transferKeepsTheOriginalIssueTime() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        QueueFixtures.createLane(site, "B", 100, PASPOR);
        OpenCounter a = QueueFixtures.openCounter(site, 1, "A");
        OpenCounter b = QueueFixtures.openCounter(site, 2, "B");
        OpenCounter other = QueueFixtures.openCounter(site, 3, "A");
        String early = kioskTicket(site, KTP, null);
        String later = kioskTicket(site, PASPOR, null);
        String third = kioskTicket(site, KTP, null);

        callNext(a).then().statusCode(200).body("id", equalTo(early));
        given().auth().oauth2(a.staff()).contentType(ContentType.JSON).body(Map.of("lane", "B"))
                .post("/api/v1/tickets/" + early + "/transfer").then().statusCode(200)
                .body("status", equalTo("WAITING")).body("lane", equalTo("B")).body("number", equalTo("A-001"));
        callNext(b).then().statusCode(200).body("id", equalTo(early));
        act(b, early, "no-show").then().statusCode(200);
        callNext(b).then().statusCode(200).body("id", equalTo(later));

        // Sent to counter 3 in particular: counter 1, though it serves lane A, does not get it.
        callNext(a).then().statusCode(200).body("id", equalTo(third));
        given().auth().oauth2(a.staff()).contentType(ContentType.JSON).body(Map.of("counterId", other.id()))
                .post("/api/v1/tickets/" + third + "/transfer").then().statusCode(200);
        callNext(a).then().statusCode(204);
        callNext(other).then().statusCode(200).body("id", equalTo(third)).body("counterNumber", equalTo(3));
    }

    @Test
    void onlyTheStaffAtTheCounterActAndBadRequestsAreProblems() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String closed = QueueFixtures.createCounter(site, 2, "A");
        String colleague = TestTokens.staff(Roles.COUNTER_STAFF, null, site);
        String ticket = kioskTicket(site, KTP, null);

        act(counter, ticket, "start").then().statusCode(409).body("code", equalTo("ticket-state"));
        given().post("/api/v1/counters/" + counter.id() + "/call-next").then().statusCode(401);
        given().auth().oauth2(colleague).post("/api/v1/counters/" + counter.id() + "/call-next").then().statusCode(403)
                .body("code", equalTo("not-your-counter"));
        given().auth().oauth2(colleague).post("/api/v1/counters/" + closed + "/call-next").then().statusCode(409)
                .body("code", equalTo("counter-not-open"));
        for (String stranger : List.of(TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG"), QueueFixtures.citizen(),
                TestTokens.staff(Roles.SUPERVISOR, null, site), QueueFixtures.device(Roles.KIOSK, site))) {
            given().auth().oauth2(stranger).post("/api/v1/counters/" + counter.id() + "/call-next")
                    .then().statusCode(403);
        }
        callNext(counter).then().statusCode(200);
        given().auth().oauth2(colleague).post("/api/v1/tickets/" + ticket + "/start").then().statusCode(403)
                .body("code", equalTo("not-your-counter"));
        given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG"))
                .post("/api/v1/tickets/" + ticket + "/start").then().statusCode(403);
        given().auth().oauth2(counter.staff()).post("/api/v1/tickets/" + java.util.UUID.randomUUID() + "/start")
                .then().statusCode(404).body("code", equalTo("ticket-not-found"));
        given().auth().oauth2(counter.staff()).post("/api/v1/counters/nope/call-next").then().statusCode(404);

        transfer(counter, ticket, Map.of()).then().statusCode(400).body("errors.code", contains("lane-or-counter-required"));
        transfer(counter, ticket, Map.of("lane", "Z")).then().statusCode(400).body("errors.code", contains("unknown-lane"));
        transfer(counter, ticket, Map.of("lane", "lower")).then().statusCode(400).body("errors.field", contains("lane"));
        transfer(counter, ticket, Map.of("counterId", "x")).then().statusCode(400)
                .body("errors.code", contains("unknown-counter"));
        String elsewhere = QueueFixtures.openSite();
        QueueFixtures.createLane(elsewhere, "A", 100, KTP);
        transfer(counter, ticket, Map.of("counterId", QueueFixtures.createCounter(elsewhere, 1, "A")))
                .then().statusCode(400).body("errors.code", contains("unknown-counter"));
        given().auth().oauth2(counter.staff()).contentType(ContentType.JSON).body("{")
                .post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(400);
    }

    @Test
    void eightCountersRacingNeverCallATicketTwiceNorLoseOne() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 1000, KTP);
        List<OpenCounter> counters = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            counters.add(QueueFixtures.openCounter(site, i, "A"));
        }
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            issued.add(kioskTicket(site, KTP, i % 5 == 0 ? "ELDERLY" : null));
        }
        List<String> called = Collections.synchronizedList(new ArrayList<>());
        Set<String> callers = Collections.synchronizedSet(new HashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(counters.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (OpenCounter counter : counters) {
                runs.add(pool.submit(() -> {
                    while (true) {
                        Response response = callNext(counter);
                        if (response.statusCode() == 204) {
                            return;
                        }
                        assertEquals(200, response.statusCode(), response.asString());
                        String id = response.path("id");
                        called.add(id);
                        callers.add(counter.id());
                        act(counter, id, "no-show").then().statusCode(200);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(issued.size(), called.size(), "a ticket was called twice or lost");
        assertEquals(issued, new HashSet<>(called));
        assertTrue(callers.size() > 1, "the counters did not actually race");
    }

    private static Response transfer(OpenCounter counter, String ticket, Map<String, Object> body) {
        return given().auth().oauth2(counter.staff()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets/" + ticket + "/transfer");
    }
}
