package id.satupintu.application.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationFixtures;
import id.satupintu.application.ApplicationState;
import id.satupintu.catalog.CalendarTestSites;
import id.satupintu.support.PinnedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The SLA clock over real 2026 holidays, at a site of its own so no other test's closures interfere. */
@QuarkusTest
class SlaClockTest {

    @Inject
    SlaClock clock;

    private static Application submitted(String site) {
        Application app = new Application();
        app.siteCode = site;
        app.state = ApplicationState.SUBMITTED;
        return app;
    }

    private int left(Application app, String at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> clock.workingDaysLeft(app, Instant.parse(at)));
    }

    @Test
    void deadlineSkipsNyepiAndIdulFitriAndThePauseIsNotCounted() throws Throwable {
        String site = CalendarTestSites.create("Asia/Jakarta");
        Application app = submitted(site);
        // Monday 16 March 2026, 09:00 WIB; 5 working days: 17, then 18-24 are holidays and cuti bersama, 25, 26, 27, 30.
        VertxContextSupport.subscribeAndAwait(() -> clock.start(app, 5, Instant.parse("2026-03-16T02:00:00Z")));
        assertEquals(LocalDate.parse("2026-03-16"), app.slaStartedOn);
        assertEquals(LocalDate.parse("2026-03-30"), app.deadline);
        assertEquals(4, left(app, "2026-03-17T02:00:00Z"));

        // Returned on Wednesday 25 March: the clock stops with 3 working days left and stays there.
        VertxContextSupport.subscribeAndAwait(() -> clock.pause(app, Instant.parse("2026-03-25T03:00:00Z")));
        app.state = ApplicationState.RETURNED_FOR_REVISION;
        assertEquals(LocalDate.parse("2026-03-25"), app.clockPausedOn);
        assertEquals(3, left(app, "2026-03-27T03:00:00Z"));
        assertEquals(3, left(app, "2026-04-10T03:00:00Z"));

        // Resubmitted Monday 30 March: 26, 27 and 30 March were the applicant's; the deadline moves
        // three working days (31 March, 1 and 2 April), and 3 April (Good Friday) does not count after it.
        VertxContextSupport.subscribeAndAwait(() -> clock.resume(app, Instant.parse("2026-03-30T03:00:00Z")));
        app.state = ApplicationState.SUBMITTED;
        assertNull(app.clockPausedOn);
        assertEquals(LocalDate.parse("2026-04-02"), app.deadline);
        assertEquals(3, left(app, "2026-03-30T03:00:00Z"));
        // Late: Tuesday 7 April is two working days past (6 and 7 April; 3 April is a holiday).
        assertEquals(-2, left(app, "2026-04-07T03:00:00Z"));
    }

    @Test
    void theDayIsTheSitesLocalDay() throws Throwable {
        String jayapura = CalendarTestSites.create("Asia/Jayapura");
        Application app = submitted(jayapura);
        // 16 March 16:30 UTC is already Tuesday 17 March 01:30 WIT.
        VertxContextSupport.subscribeAndAwait(() -> clock.start(app, 1, Instant.parse("2026-03-16T16:30:00Z")));
        assertEquals(LocalDate.parse("2026-03-17"), app.slaStartedOn);
        assertEquals(LocalDate.parse("2026-03-25"), app.deadline);
    }

    @Test
    void noClockOutsideTheAgencysTurn() throws Throwable {
        Application app = submitted(CalendarTestSites.create("Asia/Makassar"));
        VertxContextSupport.subscribeAndAwait(() -> clock.start(app, 2, Instant.parse("2026-06-01T02:00:00Z")));
        app.state = ApplicationState.APPROVED;
        assertNull(VertxContextSupport.subscribeAndAwait(() -> clock.workingDaysLeft(app, Instant.now())));
        app.state = ApplicationState.REJECTED;
        assertNull(VertxContextSupport.subscribeAndAwait(() -> clock.workingDaysLeft(app, Instant.now())));
    }

    /**
     * The SLA follows the service's Clock, not the machine's: pinned to Monday 16 March 2026, 09:00 WIB,
     * a submission starts the clock that day and the tracking number carries that date, whatever day the
     * suite runs on; the public status read (SQL) counts the days left from the same instant.
     */
    @Test
    void aSubmissionStartsTheClockOnThePinnedDay() {
        PinnedClock.pin(Instant.parse("2026-03-16T02:00:00Z"));
        ApplicationFixtures f = new ApplicationFixtures();
        String expected = given().queryParam("from", "2026-03-16").queryParam("days", 5)
                .get("/api/v1/sites/MPP-BDG/calendar/add-working-days").then().statusCode(200).extract().path("date");
        String tn = ApplicationFixtures.file(f.citizen, f.body(ApplicationFixtures.form())).statusCode(201)
                .body("sla.startedOn", equalTo("2026-03-16"))
                .body("sla.deadline", equalTo(expected))
                .body("sla.workingDaysLeft", equalTo(5))
                .extract().path("trackingNumber");
        assertTrue(tn.startsWith("BDG-260316-"), tn);
        given().get("/api/v1/applications/" + tn + "/status").then().statusCode(200)
                .body("deadline", equalTo(expected)).body("workingDaysLeft", equalTo(5));
    }

    /**
     * 2027's holidays are not entered in these tests: a deadline counted into 2027 is provisional, and
     * stays so when a resubmission moves it (it moves from a date counted without them).
     */
    @Test
    void aDeadlineCountedIntoAYearWithoutHolidaysIsProvisional() throws Throwable {
        String site = CalendarTestSites.create("Asia/Jakarta");
        Application within = submitted(site);
        VertxContextSupport.subscribeAndAwait(() -> clock.start(within, 5, Instant.parse("2026-03-16T02:00:00Z")));
        assertTrue(within.slaHolidaysKnown);

        Application across = submitted(site);
        // Monday 14 December 2026: 15 working days pass Christmas and its cuti bersama into January 2027.
        VertxContextSupport.subscribeAndAwait(() -> clock.start(across, 15, Instant.parse("2026-12-14T02:00:00Z")));
        assertEquals(2027, across.deadline.getYear());
        assertFalse(across.slaHolidaysKnown);

        // Due 15 December, known; paused 2 to 22 December (14 working days), it moves into January 2027.
        Application moved = submitted(site);
        VertxContextSupport.subscribeAndAwait(() -> clock.start(moved, 10, Instant.parse("2026-12-01T02:00:00Z")));
        assertEquals(LocalDate.parse("2026-12-15"), moved.deadline);
        assertTrue(moved.slaHolidaysKnown);
        VertxContextSupport.subscribeAndAwait(() -> clock.pause(moved, Instant.parse("2026-12-02T02:00:00Z")));
        VertxContextSupport.subscribeAndAwait(() -> clock.resume(moved, Instant.parse("2026-12-22T02:00:00Z")));
        assertEquals(2027, moved.deadline.getYear());
        assertFalse(moved.slaHolidaysKnown);
    }

    @Test
    void submissionDeadlineIsTheSitesCalendar() {
        ApplicationFixtures f = new ApplicationFixtures();
        String expected = given().queryParam("days", 5).get("/api/v1/sites/MPP-BDG/calendar/add-working-days")
                .then().statusCode(200).extract().path("date");
        ApplicationFixtures.file(f.citizen, f.body(ApplicationFixtures.form())).statusCode(201)
                .body("sla.deadline", equalTo(expected));
    }
}
