package id.satupintu.application.sla;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.deadline;
import static id.satupintu.application.ApplicationFixtures.events;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.application.ApplicationFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The SLA watch, run at chosen instants in March 2026 against applications whose deadline the test
 * sets there (applications of other tests have deadlines months later, so the watch leaves them be).
 */
@QuarkusTest
class SlaWatchTest {

    @Inject
    SlaWatch watch;

    private int check(String instant) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watch.check(Instant.parse(instant)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passedDeadlineIsABreachMarkedOnce() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        deadline(tn, "2026-03-02");
        // Thursday 5 March: three working days late.
        check("2026-03-05T03:00:00Z");
        check("2026-03-06T03:00:00Z");
        assertEquals(1, events(tn, "application.sla-breached"));
        as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("state", equalTo("IN_VERIFICATION")).body("sla.breached", equalTo(true));
    }

    @Test
    void deemedApprovalWhereTheStandardGrantsIt() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(true);
        String tn = f.submitted();
        deadline(tn, "2026-03-02");
        check("2026-03-03T03:00:00Z");
        // Deemed approval issues the permit in the same pass: nobody has to act for the citizen to hold it.
        as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("state", equalTo("PERMIT_ISSUED")).body("permit.basis", equalTo("DEEMED_APPROVAL"))
                .body("permit.issuedOn", equalTo("2026-03-03"));
        as(f.officer).get("/api/v1/applications/" + tn + "/history").then()
                .body("[1].action", equalTo("deem-approve")).body("[1].actorRole", equalTo("system"))
                .body("[1].reason", containsString("2026-03-02"))
                .body("[2].action", equalTo("issue-permit")).body("[2].actorRole", equalTo("system"));
        act(f.officer, tn, "issue-permit").statusCode(409);
    }

    @Test
    void warnsOnceBeforeTheDeadline() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(true);
        String tn = f.submitted();
        deadline(tn, "2026-03-04");
        check("2026-03-02T03:00:00Z");
        check("2026-03-03T03:00:00Z");
        assertEquals(1, events(tn, "application.sla-warning"));
        as(f.citizen).get("/api/v1/applications/" + tn).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void aPausedClockIsLeftAlone() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(true);
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "return", Map.of("note", "Lengkapi")).statusCode(200);
        deadline(tn, "2026-03-02");
        check("2026-03-10T03:00:00Z");
        as(f.citizen).get("/api/v1/applications/" + tn).then().body("state", equalTo("RETURNED_FOR_REVISION"));
        assertEquals(0, events(tn, "application.sla-breached"));
    }

    @Test
    void replicasRacingActOnce() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(true);
        String tn = f.submitted();
        deadline(tn, "2026-03-02");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(() -> check("2026-03-04T03:00:00Z"));
            }
            for (Future<Integer> pass : pool.invokeAll(passes)) {
                pass.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, events(tn, "application.deem-approve"));
        assertEquals(1, events(tn, "application.issue-permit"));
        as(f.officer).get("/api/v1/applications/" + tn + "/history").then().body("size()", equalTo(3));
    }
}
