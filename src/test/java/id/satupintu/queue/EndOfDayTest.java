package id.satupintu.queue;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.act;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.satupintu.identity.Roles;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EndOfDayTest {

    @Inject
    EndOfDay endOfDay;

    @Inject
    Pool pool;

    /** A site's day of tickets: served, no-show, called and still waiting. */
    record Day(String site, String served, String noShow, String called, String waiting) {
    }

    @Test
    void eachSiteDayClosesAtItsOwnMidnightOnceAndKeepsItsFigures() {
        // Days well in the past, so nothing other tests leave behind (dated today) is due.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        Day wib = dayAt(QueueFixtures.site("Asia/Jakarta", true), day);
        Day wita = dayAt(QueueFixtures.site("Asia/Makassar", true), day);

        // 16:30 UTC: 23:30 in Jakarta (WIB, +7), already 00:30 the next day in Makassar (WITA, +8).
        Instant witaMidnightPassed = day.atTime(16, 30).toInstant(ZoneOffset.UTC);
        assertEquals(1, endOfDay.run(witaMidnightPassed).await().indefinitely());
        status(wita.site(), wita.waiting(), "CLOSED");
        status(wita.site(), wita.called(), "CLOSED");
        status(wita.site(), wita.served(), "DONE");
        status(wita.site(), wita.noShow(), "NO_SHOW");
        status(wib.site(), wib.waiting(), "WAITING");
        status(wib.site(), wib.called(), "CALLED");
        assertFigures(wita.site(), day);
        assertEquals(0, figureRows(wib.site()));
        assertEquals(1, count("select count(*) from event where stream = $1 and type = 'ticket.closed'",
                "ticket:" + wita.waiting()));

        // Run again, and by two replicas at once after Jakarta's midnight: each site day closes once.
        assertEquals(0, endOfDay.run(witaMidnightPassed).await().indefinitely());
        Instant wibMidnightPassed = day.atTime(17, 30).toInstant(ZoneOffset.UTC);
        List<Integer> runs = io.smallrye.mutiny.Uni.join()
                .all(endOfDay.run(wibMidnightPassed), endOfDay.run(wibMidnightPassed)).andFailFast()
                .await().indefinitely();
        assertEquals(1, runs.get(0) + runs.get(1), runs.toString());
        status(wib.site(), wib.waiting(), "CLOSED");
        assertFigures(wib.site(), day);
        assertFigures(wita.site(), day);
        assertEquals(1, count("select count(*) from event where stream = $1 and type = 'ticket.closed'",
                "ticket:" + wita.waiting()));

        // Numbers start again on the new local day.
        QueueFixtures.issue(wita.site(), QueueFixtures.device(Roles.KIOSK, wita.site()), "KIOSK", KTP, null)
                .then().statusCode(201).body("number", equalTo("A-001"));
    }

    /** Tickets of one day at the site, made through the API today and then dated back to that day. */
    private Day dayAt(String site, LocalDate day) {
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String served = kioskTicket(site, KTP, null);
        String noShow = kioskTicket(site, KTP, null);
        String called = kioskTicket(site, KTP, null);
        String waiting = kioskTicket(site, KTP, null);
        callNext(counter).then().statusCode(200);
        act(counter, served, "start").then().statusCode(200);
        act(counter, served, "finish").then().statusCode(200);
        callNext(counter).then().statusCode(200);
        act(counter, noShow, "no-show").then().statusCode(200);
        callNext(counter).then().statusCode(200);
        execute("update queue_ticket set local_date = $2 where site_code = $1", site, day);
        execute("update queue_number set local_date = $2 where lane_id in "
                + "(select id from queue_lane where site_code = $1)", site, day);
        return new Day(site, served, noShow, called, waiting);
    }

    private void assertFigures(String site, LocalDate day) {
        Row totals = pool.preparedQuery("select sum(issued) as issued, sum(served) as served, sum(no_show) as no_show, "
                        + "sum(closed) as closed, max(average_service_seconds) as service, max(average_wait_seconds) as wait, "
                        + "count(*) as rows, min(local_date) as day from queue_daily_figure where site_code = $1")
                .execute(Tuple.of(site)).await().indefinitely().iterator().next();
        assertEquals(4, totals.getLong("issued"));
        assertEquals(1, totals.getLong("served"));
        assertEquals(1, totals.getLong("no_show"));
        assertEquals(2, totals.getLong("closed"));
        assertNotNull(totals.getValue("service"));
        assertNotNull(totals.getValue("wait"));
        assertEquals(day, totals.getLocalDate("day"));
    }

    private long figureRows(String site) {
        return count("select count(*) from queue_daily_figure where site_code = $1", site);
    }

    private static void status(String site, String ticket, String expected) {
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, null, site)).get("/api/v1/tickets/" + ticket)
                .then().statusCode(200).body("status", equalTo(expected));
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }

    private void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }
}
