package id.satupintu.complaint.handling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deadlines in working days at the site, and the watch run at chosen instants around Nyepi and Idul
 * Fitri 2026 (18-24 March are all holidays, cuti bersama or weekend) on complaints whose deadline the
 * test sets there; other tests' deadlines lie months later, so the watch leaves them be.
 */
@QuarkusTest
class ComplaintDeadlineTest {

    @Inject
    ComplaintWatch watch;

    private int check(String instant) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watch.check(Instant.parse(instant)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long events(String stream, String type) {
        return ((Number) ComplaintFixtures.sql("select count(*) from event where stream = ?1 and type = ?2",
                stream, type)).longValue();
    }

    private static String stream(String code) {
        return "complaint:" + ComplaintFixtures.sql("select id::text from complaint where tracking_code = ?1", code);
    }

    private static String addWorkingDays(String site, int days) {
        return given().get("/api/v1/sites/" + site + "/calendar/add-working-days?days=" + days).then().statusCode(200)
                .extract().path("date");
    }

    @Test
    void deadlinesCountWorkingDaysAtTheSiteSkippingItsClosures() {
        ComplaintFixtures f = new ComplaintFixtures();
        String before = addWorkingDays(f.site, 3);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("startsOn", tomorrow.toString(), "endsOn", tomorrow.plusDays(6).toString(),
                        "reason", "Renovasi gedung"))
                .post("/api/v1/sites/" + f.site + "/closures").then().statusCode(201);
        String verifyDue = addWorkingDays(f.site, 3);
        assertTrue(LocalDate.parse(verifyDue).isAfter(LocalDate.parse(before)), "the closure moves the deadline");
        String code = f.filed();
        f.as(f.citizen).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("deadline.dueOn", equalTo(verifyDue)).body("deadline.stage", equalTo("VERIFY"));
        f.act(f.desk, code, "verify").statusCode(200).body("deadline.dueOn", equalTo(verifyDue));
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(200)
                .body("deadline.dueOn", equalTo(addWorkingDays(f.site, 5)))
                .body("deadline.stage", equalTo("FOLLOW_UP"));
    }

    @Test
    void watchFlagsDueSoonThenLateAcrossHolidaysAndEscalates() {
        ComplaintFixtures f = new ComplaintFixtures();
        String withAgency = f.forwarded();
        String atDesk = f.filed();
        for (String code : new String[] {withAgency, atDesk}) {
            ComplaintFixtures.sql("update complaint set due_on = date '2026-03-17' where tracking_code = ?1", code);
        }
        // Tuesday 24 March: a week after the deadline by the calendar, but not one working day has passed.
        check("2026-03-24T03:00:00Z");
        assertEquals(1, events(stream(withAgency), "complaint.due-soon"));
        assertEquals(0, events(stream(withAgency), "complaint.late"));
        // Wednesday 25 March: one working day late.
        check("2026-03-25T03:00:00Z");
        check("2026-03-26T03:00:00Z");
        for (String code : new String[] {withAgency, atDesk}) {
            assertEquals(1, events(stream(code), "complaint.late"));
            assertEquals(1, events(stream(code), "complaint.due-soon"));
        }
        assertEquals(2, events(Complaint.deskStream(f.site), "complaint.escalated"));
        f.as(f.citizen).get("/api/v1/complaints/" + withAgency).then().statusCode(200)
                .body("deadline.late", equalTo(true)).body("deadline.dueSoon", equalTo(true));
        f.as(f.desk).get("/api/v1/complaints?late=true").then().statusCode(200)
                .body("items.trackingCode", hasItem(withAgency)).body("items.trackingCode", hasItem(atDesk));

        // Which agencies break deadlines: the agency once, the desk itself (no agency) once.
        f.as(f.desk).get("/api/v1/sites/" + f.site + "/complaint-deadlines").then().statusCode(200)
                .body("find { it.agencyCode == '" + f.agency + "' }.missedDeadlines", equalTo(1))
                .body("find { it.agencyCode == '" + f.agency + "' }.lateNow", equalTo(1))
                .body("find { it.agencyCode == null }.missedDeadlines", equalTo(1));
        // Answering takes it out of "late now"; the missed deadline stays on the record.
        f.act(f.officer, withAgency, "answer", Map.of("note", "Maaf terlambat, sudah selesai.")).statusCode(200);
        f.as(f.desk).get("/api/v1/sites/" + f.site + "/complaint-deadlines").then().statusCode(200)
                .body("find { it.agencyCode == '" + f.agency + "' }.missedDeadlines", equalTo(1))
                .body("find { it.agencyCode == '" + f.agency + "' }.lateNow", equalTo(0));
        f.as(f.officer).get("/api/v1/sites/" + f.site + "/complaint-deadlines").then().statusCode(403);
        f.as(f.otherDesk).get("/api/v1/sites/" + f.site + "/complaint-deadlines").then().statusCode(403);
        f.as(TestTokens.admin()).get("/api/v1/sites/TIDAK-ADA/complaint-deadlines").then().statusCode(404);
    }
}
