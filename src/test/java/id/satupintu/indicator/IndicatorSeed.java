package id.satupintu.indicator;

import static io.restassured.RestAssured.given;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.application.sla.SlaWatch;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueDays;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.PinnedClock;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * July 2026 (no holiday in it, so working days are weekdays) at three sites, made through the APIs with the
 * clock pinned to each step's instant: a queue site's tickets, applications of an agency of their own at
 * MPP-BDG, complaints at a site of their own. The hand-computed figures are in {@code IndicatorTest}.
 * <p>
 * Two things cannot be set through the API: issue and a counter's steps stamp tickets with the database's now(),
 * so their issue (the pinned instant: the hour of the day counts), call, start and finish times are set afterwards; and survey answers are written as the survey's own tests write
 * them (the answering path is tested there).
 */
final class IndicatorSeed {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    final String queueSite;
    final String applicationAgency;
    final String complaintSite;
    final PinnedClock clock;

    /** Ticket id → its step times as seconds after issue: wait to call, service start, service end (or -1). */
    private final Map<String, int[]> ticketTimes = new HashMap<>();

    /** Ticket id → the pinned instant it was issued at (the insert stamps the database's now()). */
    private final Map<String, Instant> issuedAt = new HashMap<>();

    static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 7, day, hour, minute).atZone(WIB).toInstant();
    }

    IndicatorSeed() {
        clock = PinnedClock.pin(at(1, 8, 0));
        queueSite = QueueFixtures.site("Asia/Jakarta", true);
        QueueFixtures.createLane(queueSite, "A", 500, QueueFixtures.KTP);
        ApplicationFixtures apps = new ApplicationFixtures(true);
        applicationAgency = apps.agency;
        ComplaintFixtures complaints = new ComplaintFixtures();
        complaintSite = complaints.site;
        queue();
        applications(apps);
        complaints(complaints);
        surveys();
        clock.set(at(31, 16, 0));
    }

    private void queue() {
        OpenCounter counter = QueueFixtures.openCounter(queueSite, 1, "A");
        String kiosk = QueueFixtures.device(Roles.KIOSK, queueSite);
        // 1 July: an ordinary ticket served, an elderly visitor's served, a phone ticket not there when called.
        clock.set(at(1, 9, 0));
        String t1 = ticket(kiosk, "KIOSK", null, 60, 300);
        String t2 = ticket(kiosk, "KIOSK", "ELDERLY", 120, 200);
        String t3 = ticket(QueueFixtures.citizen(), "PHONE", null, 600, -1);
        serve(counter, 3);
        // 7 July: two served (the priority one after 20 minutes), one never called (closed at end of day).
        clock.set(at(7, 9, 0));
        ticket(kiosk, "KIOSK", null, 300, 100);
        ticket(kiosk, "KIOSK", "DISABILITY", 1200, 400);
        serve(counter, 2);
        ticket(kiosk, "KIOSK", null, -1, -1);
        clock.set(at(8, 0, 30));
        QueueDays.endOfDay(at(8, 0, 30));
        // 31 July: one served.
        clock.set(at(31, 9, 0));
        ticket(kiosk, "KIOSK", null, 30, 60);
        serve(counter, 1);
        ticketTimes.forEach(this::retime);
        assert t1 != null && t2 != null && t3 != null;
    }

    private String ticket(String token, String channel, String priority, int wait, int service) {
        String id = QueueFixtures.issue(queueSite, token, channel, QueueFixtures.KTP, priority).then().statusCode(201)
                .extract().path("id");
        ticketTimes.put(id, new int[] {wait, service});
        issuedAt.put(id, clock.now());
        return id;
    }

    /** Calls the next n tickets and ends each as its plan says (served, or a no-show). */
    private void serve(OpenCounter counter, int n) {
        for (int i = 0; i < n; i++) {
            String id = QueueFixtures.callNext(counter).then().statusCode(200).extract().path("id");
            if (ticketTimes.get(id)[1] < 0) {
                QueueFixtures.act(counter, id, "no-show").then().statusCode(200);
            } else {
                QueueFixtures.act(counter, id, "start").then().statusCode(200);
                QueueFixtures.act(counter, id, "finish").then().statusCode(200);
            }
        }
    }

    private void retime(String id, int[] plan) {
        int wait = plan[0];
        int service = plan[1];
        sql("update queue_ticket set issued_at = $4,"
                + " called_at = case when $2 < 0 then null else $4 + make_interval(secs => $2) end,"
                + " started_at = case when $3 < 0 then null else $4 + make_interval(secs => $2) end,"
                + " finished_at = case when $2 < 0 then finished_at else $4 + make_interval(secs => $2 + greatest($3, 0)) end"
                + " where id = $1", UUID.fromString(id), wait, service, issuedAt.get(id).atOffset(ZoneOffset.UTC));
    }

    private void applications(ApplicationFixtures f) {
        // A1: filed 1 July, approved 3 July (2 working days, in time: the deadline is 8 July).
        clock.set(at(1, 9, 0));
        String a1 = f.submitted();
        // A2: filed 1 July, returned 2 July, resubmitted 6 July (deadline moves to 10 July), rejected 9 July.
        String a2 = f.submitted();
        clock.set(at(2, 10, 0));
        ApplicationFixtures.act(f.officer, a2, "start-verification").statusCode(200);
        ApplicationFixtures.act(f.officer, a2, "return", Map.of("note", "Lengkapi alamat")).statusCode(200);
        clock.set(at(3, 10, 0));
        decide(f, a1, "approve");
        clock.set(at(6, 10, 0));
        ApplicationFixtures.act(f.citizen, a2, "resubmit").statusCode(200);
        clock.set(at(9, 10, 0));
        ApplicationFixtures.act(f.officer, a2, "start-verification").statusCode(200);
        ApplicationFixtures.act(f.officer, a2, "reject", Map.of("reason", "Tidak memenuhi syarat")).statusCode(200);
        // A3: filed 7 July (deadline 14 July), never decided: deemed approved by the SLA watch on 15 July, which
        // issues the permit after it.
        clock.set(at(7, 11, 0));
        String a3 = f.submitted();
        clock.set(at(15, 10, 0));
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                    () -> Arc.container().instance(SlaWatch.class).get().check(at(15, 10, 0)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(f.supervisor).get("/api/v1/applications/" + a3).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("PERMIT_ISSUED"));
        // A4: filed and approved 31 July (0 working days).
        clock.set(at(31, 9, 0));
        String a4 = f.submitted();
        decide(f, a4, "approve");
    }

    private static void decide(ApplicationFixtures f, String tn, String action) {
        ApplicationFixtures.act(f.officer, tn, "start-verification").statusCode(200);
        ApplicationFixtures.act(f.officer, tn, "verify", Map.of("note", "Lengkap", "noteVisibility", "INTERNAL"))
                .statusCode(200);
        ApplicationFixtures.act(f.supervisor, tn, action).statusCode(200);
    }

    private void complaints(ComplaintFixtures f) {
        // C1: filed 1 July, verified 2 July (in time), forwarded (due 9 July), resolved 6 July, rated 4 on 7 July.
        clock.set(at(1, 10, 0));
        String c1 = f.filed();
        String c2 = f.filed();
        clock.set(at(2, 10, 0));
        forward(f, c1);
        clock.set(at(6, 10, 0));
        f.act(f.officer, c1, "resolve", Map.of("note", "Sudah ditangani.")).statusCode(200);
        clock.set(at(7, 10, 0));
        f.act(f.citizen, c1, "close", Map.of("rating", 4)).statusCode(200);
        // C2: filed 1 July, verified 7 July (4 working days: late), forwarded (due 14 July), resolved 31 July
        // (late), rated 2.
        forward(f, c2);
        // C3: filed 7 July, verified 8 July, answered 9 July, reopened 10 July, resolved 13 July (in time).
        String c3 = f.filed();
        clock.set(at(8, 10, 0));
        forward(f, c3);
        clock.set(at(9, 10, 0));
        f.act(f.officer, c3, "answer", Map.of("note", "Sudah kami jawab.")).statusCode(200);
        clock.set(at(10, 10, 0));
        f.act(f.citizen, c3, "reopen", Map.of("reason", "Belum selesai")).statusCode(200);
        clock.set(at(13, 10, 0));
        f.act(f.officer, c3, "resolve", Map.of("note", "Sudah selesai.")).statusCode(200);
        clock.set(at(31, 10, 0));
        f.act(f.officer, c2, "resolve", Map.of("note", "Akhirnya selesai.")).statusCode(200);
        f.act(f.citizen, c2, "close", Map.of("rating", 2)).statusCode(200);
    }

    private static void forward(ComplaintFixtures f, String code) {
        f.act(f.desk, code, "verify").statusCode(200);
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(200);
        f.act(f.officer, code, "start-follow-up").statusCode(200);
    }

    /** Two answers about the queue site on 1 July: all threes and all fours (IKM 87.50, B). */
    private void surveys() {
        OffsetDateTime ended = at(1, 12, 0).atOffset(ZoneOffset.UTC);
        for (int score = 3; score <= 4; score++) {
            UUID id = UUID.randomUUID();
            sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at)"
                    + " values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", id, queueSite, ended);
            Object[] row = {id, ended};
            Object[] params = new Object[11];
            params[0] = row[0];
            params[1] = row[1];
            for (int e = 2; e < 11; e++) {
                params[e] = (short) score;
            }
            sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4, u5, u6, u7, u8,"
                    + " u9) values ($1, $2, 'anonymous', $3, $4, $5, $6, $7, $8, $9, $10, $11)", params);
        }
    }

    static void sql(String statement, Object... params) {
        Arc.container().instance(Pool.class).get().preparedQuery(statement).execute(Tuple.from(params))
                .await().atMost(Duration.ofSeconds(30));
    }

    static String supervisorOf(String site) {
        return id.satupintu.support.TestTokens.staff(Roles.SUPERVISOR, null, site);
    }

    static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
