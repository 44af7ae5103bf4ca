package id.satupintu.queue;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.act;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.satupintu.integration.webhook.WebhookReceiver;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    @Test
    void aSiteBoundWebhookSubscriberHearsOfTheTicketsTheJobCloses() throws Exception {
        // A day of its own, further back than the other tests', so no other run closes it.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String client = QueueFixtures.siteIntegrator(site, Scopes.WEBHOOKS_MANAGE, Scopes.QUEUE_READ);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = given().auth().oauth2(client).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/queue"), "eventTypes", List.of("ticket.*")))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("id");
            try {
                String ticket = kioskTicket(site, KTP, null);
                assertEquals("ticket.issued", receiver.next("/queue", 10).header("SatuPintu-Event-Type"));
                execute("update queue_ticket set local_date = $2 where site_code = $1", site, day);
                execute("update queue_number set local_date = $2 where lane_id in "
                        + "(select id from queue_lane where site_code = $1)", site, day);

                // 17:30 UTC: past midnight in Jakarta.
                endOfDay.run(day.atTime(17, 30).toInstant(ZoneOffset.UTC)).await().indefinitely();
                JsonObject closed = new JsonObject(receiver.next("/queue", 10).text());
                assertEquals("ticket.closed", closed.getString("type"));
                JsonObject data = closed.getJsonObject("data");
                assertEquals(ticket, data.getString("ticketId"));
                assertEquals(site, data.getString("siteCode"));
                assertEquals("A-001", data.getString("number"));
                assertEquals("CLOSED", data.getString("status"));
                assertEquals(List.of(), receiver.drain("/queue", 700));
            } finally {
                given().auth().oauth2(client).delete("/api/v1/webhooks/subscriptions/" + subscription);
            }
        }
    }

    /** The numbers left at the kiosk for "your turn is near" are forgotten once their ticket's day is over. */
    @Test
    void thePhoneNumbersLeftOnADaysTicketsAreForgottenWhenTheDayCloses() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        String site = QueueFixtures.site("Asia/Jakarta", true);
        QueueFixtures.createLane(site, "A", 100, KTP);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        List<String> tickets = new java.util.ArrayList<>();
        for (String phone : List.of("081234567890", "081298765432")) {
            tickets.add(given().auth().oauth2(kiosk).contentType(ContentType.JSON)
                    .body(Map.of("serviceCode", KTP, "channel", "KIOSK", "phone", phone))
                    .post("/api/v1/sites/" + site + "/tickets").then().statusCode(201).extract().path("id"));
        }
        execute("update queue_ticket set local_date = $2 where id = $1", UUID.fromString(tickets.get(0)), day);
        assertEquals(2, count("select count(*) from queue_ticket_contact c join queue_ticket t on t.id = c.ticket_id"
                + " where t.site_code = $1", site));

        endOfDay.run(day.plusDays(1).atTime(17, 30).toInstant(ZoneOffset.UTC)).await().indefinitely();
        assertEquals(0, count("select count(*) from queue_ticket_contact where ticket_id = $1", UUID.fromString(tickets.get(0))));
        assertEquals(1, count("select count(*) from queue_ticket_contact where ticket_id = $1", UUID.fromString(tickets.get(1))));
        status(site, tickets.get(0), "CLOSED");
        given().auth().oauth2(kiosk).get("/api/v1/tickets/" + tickets.get(0)).then().statusCode(200)
                .body("contactPhone", org.hamcrest.Matchers.nullValue());
    }

    /** A site's counters at closing: idle, paused, busy with a called ticket, opened for overtime. */
    record Counters(String site, OpenCounter idle, OpenCounter paused, OpenCounter busy, OpenCounter overtime) {
    }

    @Test
    void countersStillOpenAtClosingAreClosedAtEachSitesOwnClosingTime() {
        // A day of its own, further back than the other test's, so neither closes the other's counters.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        Counters wib = countersAt(QueueFixtures.site("Asia/Jakarta", "08:00", "16:00"), "Asia/Jakarta", day);
        Counters wita = countersAt(QueueFixtures.site("Asia/Makassar", "08:00", "16:00"), "Asia/Makassar", day);

        // 08:30 UTC: 15:30 in Jakarta, 16:30 in Makassar. Only Makassar has closed.
        Instant witaClosed = day.atTime(8, 30).toInstant(ZoneOffset.UTC);
        endOfDay.run(witaClosed).await().indefinitely();
        counter(wita.idle(), "CLOSED");
        counter(wita.paused(), "CLOSED");
        counter(wita.busy(), "OPEN");
        counter(wib.idle(), "OPEN");
        counter(wib.paused(), "PAUSED");
        assertClosedByTheJob(wita.idle(), witaClosed);
        assertClosedByTheJob(wita.paused(), witaClosed);
        assertEquals(0, count("select count(*) from queue_counter_pause p join queue_counter_session s on s.id = p.session_id"
                + " where s.counter_id = $1 and p.resumed_at is null", UUID.fromString(wita.paused().id())));

        // 09:30 UTC: 16:30 in Jakarta. Overtime opened after closing goes on; a busy counter is left to its staff.
        Instant wibClosed = day.atTime(9, 30).toInstant(ZoneOffset.UTC);
        endOfDay.run(wibClosed).await().indefinitely();
        counter(wib.idle(), "CLOSED");
        counter(wib.paused(), "CLOSED");
        counter(wib.busy(), "OPEN");
        counter(wib.overtime(), "OPEN");
        counter(wita.overtime(), "OPEN");
        assertClosedByTheJob(wib.paused(), wibClosed);
        // The staff of a session the job closed simply opens a new one the next morning.
        given().auth().oauth2(wib.idle().staff()).post("/api/v1/counters/" + wib.idle().id() + "/open")
                .then().statusCode(200).body("status", equalTo("OPEN"));
        execute("update queue_counter_session set opened_at = $2 where counter_id = $1 and closed_at is null",
                UUID.fromString(wib.idle().id()), local(day.plusDays(1), "07:45", "Asia/Jakarta"));

        // 17:30 UTC: past midnight in both zones. The busy counters' tickets close, then their sessions;
        // overtime ends at midnight, and the counter reopened the next morning stays open.
        Instant midnightPassed = day.atTime(17, 30).toInstant(ZoneOffset.UTC);
        endOfDay.run(midnightPassed).await().indefinitely();
        for (Counters site : List.of(wib, wita)) {
            counter(site.busy(), "CLOSED");
            counter(site.overtime(), "CLOSED");
            assertClosedByTheJob(site.busy(), midnightPassed);
        }
        counter(wib.idle(), "OPEN");
        // A session its staff closed says so.
        given().auth().oauth2(wib.idle().staff()).post("/api/v1/counters/" + wib.idle().id() + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        assertEquals(1, count("select count(*) from queue_counter_session where counter_id = $1"
                + " and closed_by <> 'end-of-day' and closed_by is not null", UUID.fromString(wib.idle().id())));
    }

    /** Four counters of a new site opened through the API, their sessions then dated back to the day. */
    private Counters countersAt(String site, String zone, LocalDate day) {
        QueueFixtures.createLane(site, "A", 100, KTP);
        Counters counters = new Counters(site, QueueFixtures.openCounter(site, 1, "A"),
                QueueFixtures.openCounter(site, 2, "A"), QueueFixtures.openCounter(site, 3, "A"),
                QueueFixtures.openCounter(site, 4, "A"));
        given().auth().oauth2(counters.paused().staff()).contentType(ContentType.JSON).body(Map.of("reason", "Istirahat"))
                .post("/api/v1/counters/" + counters.paused().id() + "/pause").then().statusCode(200);
        String ticket = kioskTicket(site, KTP, null);
        callNext(counters.busy()).then().statusCode(200).body("id", equalTo(ticket));
        execute("update queue_ticket set local_date = $2 where site_code = $1", site, day);
        execute("update queue_number set local_date = $2 where lane_id in "
                + "(select id from queue_lane where site_code = $1)", site, day);
        for (OpenCounter counter : List.of(counters.idle(), counters.paused(), counters.busy())) {
            execute("update queue_counter_session set opened_at = $2 where counter_id = $1",
                    UUID.fromString(counter.id()), local(day, "07:30", zone));
        }
        execute("update queue_counter_session set opened_at = $2 where counter_id = $1",
                UUID.fromString(counters.overtime().id()), local(day, "16:10", zone));
        return counters;
    }

    private static OffsetDateTime local(LocalDate day, String time, String zone) {
        return day.atTime(LocalTime.parse(time)).atZone(ZoneId.of(zone)).toOffsetDateTime();
    }

    private static void counter(OpenCounter counter, String expected) {
        given().get("/api/v1/counters/" + counter.id()).then().statusCode(200).body("status", equalTo(expected));
    }

    private void assertClosedByTheJob(OpenCounter counter, Instant at) {
        Row session = pool.preparedQuery("select closed_at, closed_by from queue_counter_session where counter_id = $1"
                        + " order by opened_at desc limit 1")
                .execute(Tuple.of(UUID.fromString(counter.id()))).await().indefinitely().iterator().next();
        assertEquals(EndOfDay.CLOSED_BY, session.getString("closed_by"));
        assertEquals(at, session.getOffsetDateTime("closed_at").toInstant());
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
