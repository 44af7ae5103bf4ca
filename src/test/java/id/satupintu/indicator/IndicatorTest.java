package id.satupintu.indicator;

import static id.satupintu.indicator.IndicatorSeed.at;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.queue.QueueDays;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded July (see {@link IndicatorSeed}) against figures computed by hand, per day, week and month: first
 * live (nothing stored yet), then after the job stored the days (raced by two runs, then run again), which must
 * change nothing; and today's day live beside stored ones.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class IndicatorTest {

    @Inject
    IndicatorJob job;

    @Inject
    Pool pool;

    @Test
    void aSeededMonthMatchesTheHandComputedFiguresLiveAndStoredAndTheJobCountsEachDayOnce() {
        IndicatorSeed seed = new IndicatorSeed();
        PinnedClock clock = seed.clock;
        Instant august3 = java.time.LocalDateTime.of(2026, 8, 3, 10, 0).atZone(IndicatorSeed.WIB).toInstant();

        // On 31 July, with nothing stored, every day is read live: today's ticket is already counted.
        JsonPath live = month(seed.queueSite, null);
        assertEquals(7, live.getInt("periods[0].queue.issued"));

        clock.set(august3);
        QueueDays.endOfDay(august3);
        String before = periodsOf(seed);
        checkQueue(seed);
        checkApplications(seed);
        checkComplaints(seed);

        // Two replicas at once: each feature's step runs once; the figures read from the tables are the same.
        List<IndicatorJob.Run> raced = Uni.join().all(job.run(august3), job.run(august3)).andFailFast()
                .await().indefinitely();
        assertTrue(raced.get(0).queueDays() + raced.get(1).queueDays() >= 3, raced.toString());
        assertEquals(1, Math.min(1, raced.get(0).applicationSites() + raced.get(1).applicationSites()));
        assertEquals(count("select count(*) from application_indicator_through where site_code = 'MPP-BDG'"
                + " and through = date '2026-08-02'"), 1);
        assertTrue(count("select count(*) from queue_indicator_day where site_code = $1", seed.queueSite) > 0);
        assertEquals(0, count("select count(*) from queue_day_closed where site_code = $1 and indicators_at is null",
                seed.queueSite));
        assertEquals(before, periodsOf(seed));
        checkQueue(seed);
        checkApplications(seed);
        checkComplaints(seed);

        // Again: nothing left to store, nothing counted twice.
        assertEquals(new IndicatorJob.Run(0, 0, 0, 0), job.run(august3).await().indefinitely());
        assertEquals(before, periodsOf(seed));

        // Today (3 August) is live beside the stored July: a ticket issued now counts at once.
        QueueFixtures.kioskTicket(seed.queueSite, QueueFixtures.KTP, null);
        JsonPath mixed = report(seed.queueSite, null, "2026-07-31", "2026-08-03", "day");
        assertEquals(List.of(1, 0, 0, 1), mixed.getList("periods.queue.issued"));
        // Its day closed again, so no later test finds a past day of this site still open.
        QueueDays.endOfDay(java.time.LocalDateTime.of(2026, 8, 4, 0, 30).atZone(IndicatorSeed.WIB).toInstant());
    }

    private void checkQueue(IndicatorSeed seed) {
        JsonPath day = report(seed.queueSite, null, "2026-07-01", "2026-07-01", "day");
        Map<String, Object> q = day.getMap("periods[0].queue");
        assertEquals(3, q.get("issued"));
        assertEquals(List.of(2, 1, 0, 0, 0), day.getList("periods[0].queue.issuedByChannel.issued"));
        assertEquals(2, q.get("served"));
        assertEquals(1, q.get("noShows"));
        assertEquals(260.0f, ((Number) q.get("waitSecondsMean")).floatValue());
        assertEquals(120.0f, ((Number) q.get("waitSecondsMedian")).floatValue());
        assertEquals(504.0f, ((Number) q.get("waitSecondsP90")).floatValue());
        assertEquals(250.0f, ((Number) q.get("serviceSecondsMean")).floatValue());
        assertEquals(1, q.get("priorityIssued"));
        assertEquals(100.0f, ((Number) q.get("priorityWithinTargetPercent")).floatValue());
        assertEquals(2, day.getInt("periods[0].ikm.respondents"));
        assertEquals(87.5f, day.getFloat("periods[0].ikm.ikm"));
        assertEquals("B", day.getString("periods[0].ikm.grade"));

        JsonPath week = report(seed.queueSite, null, "2026-07-01", "2026-07-31", "week");
        assertEquals(List.of("2026-07-01", "2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27"),
                week.getList("periods.from"));
        assertEquals(List.of("2026-07-05", "2026-07-12", "2026-07-19", "2026-07-26", "2026-07-31"),
                week.getList("periods.to"));
        assertEquals(List.of(3, 3, 0, 0, 1), week.getList("periods.queue.issued"));
        Map<String, Object> w = week.getMap("periods[1].queue");
        assertEquals(2, w.get("served"));
        assertEquals(750.0f, ((Number) w.get("waitSecondsMean")).floatValue());
        assertEquals(750.0f, ((Number) w.get("waitSecondsMedian")).floatValue());
        assertEquals(1110.0f, ((Number) w.get("waitSecondsP90")).floatValue());
        assertEquals(250.0f, ((Number) w.get("serviceSecondsMean")).floatValue());
        assertEquals(0.0f, ((Number) w.get("priorityWithinTargetPercent")).floatValue());
        org.junit.jupiter.api.Assertions.assertNull(week.get("periods[2].queue.waitSecondsMedian"));

        JsonPath month = month(seed.queueSite, null);
        Map<String, Object> m = month.getMap("periods[0].queue");
        assertEquals(7, m.get("issued"));
        assertEquals(List.of(6, 1, 0, 0, 0), month.getList("periods[0].queue.issuedByChannel.issued"));
        assertEquals(5, m.get("served"));
        assertEquals(1, m.get("noShows"));
        // Waits 30, 60, 120, 300, 600, 1200: the median and p90 of the month, not of daily medians.
        assertEquals(385.0f, ((Number) m.get("waitSecondsMean")).floatValue());
        assertEquals(210.0f, ((Number) m.get("waitSecondsMedian")).floatValue());
        assertEquals(900.0f, ((Number) m.get("waitSecondsP90")).floatValue());
        assertEquals(212.0f, ((Number) m.get("serviceSecondsMean")).floatValue());
        assertEquals(2, m.get("priorityIssued"));
        assertEquals(1, m.get("priorityWithinTarget"));
        assertEquals(50.0f, ((Number) m.get("priorityWithinTargetPercent")).floatValue());
    }

    private void checkApplications(IndicatorSeed seed) {
        String agency = seed.applicationAgency;
        JsonPath day = report("MPP-BDG", agency, "2026-07-01", "2026-07-01", "day");
        assertEquals(2, day.getInt("periods[0].applications.filed"));
        assertEquals(0, day.getInt("periods[0].applications.decided"));
        org.junit.jupiter.api.Assertions.assertNull(day.get("periods[0].applications.decidedInTimePercent"));

        JsonPath week = report("MPP-BDG", agency, "2026-07-01", "2026-07-31", "week");
        assertEquals(List.of(2, 1, 0, 0, 1), week.getList("periods.applications.filed"));
        assertEquals(List.of(1, 1, 1, 0, 1), week.getList("periods.applications.decided"));
        Map<String, Object> w = week.getMap("periods[1].applications");
        assertEquals(100.0f, ((Number) w.get("decidedInTimePercent")).floatValue());
        assertEquals(6.0f, ((Number) w.get("medianWorkingDaysToDecision")).floatValue());
        assertEquals(100.0f, ((Number) w.get("returnedForRevisionPercent")).floatValue());
        assertEquals(1, week.getInt("periods[2].applications.deemedApprovals"));
        assertEquals(0.0f, week.getFloat("periods[2].applications.decidedInTimePercent"));

        JsonPath month = month("MPP-BDG", agency);
        Map<String, Object> m = month.getMap("periods[0].applications");
        assertEquals(4, m.get("filed"));
        assertEquals(4, m.get("decided"));
        assertEquals(75.0f, ((Number) m.get("decidedInTimePercent")).floatValue());
        assertEquals(1, m.get("deemedApprovals"));
        // Decisions after 2, 6, 6 and 0 working days.
        assertEquals(4.0f, ((Number) m.get("medianWorkingDaysToDecision")).floatValue());
        assertEquals(25.0f, ((Number) m.get("returnedForRevisionPercent")).floatValue());
    }

    private void checkComplaints(IndicatorSeed seed) {
        JsonPath day = report(seed.complaintSite, null, "2026-07-01", "2026-07-01", "day");
        assertEquals(2, day.getInt("periods[0].complaints.received"));

        JsonPath week = report(seed.complaintSite, null, "2026-07-06", "2026-07-12", "week");
        Map<String, Object> w = week.getMap("periods[0].complaints");
        assertEquals(1, w.get("received"));
        assertEquals(2, w.get("verified"));
        assertEquals(50.0f, ((Number) w.get("verifiedWithin3WorkingDaysPercent")).floatValue());
        assertEquals(1, w.get("resolved"));
        assertEquals(100.0f, ((Number) w.get("resolvedWithinDeadlinePercent")).floatValue());
        assertEquals(1, w.get("reopened"));
        assertEquals(4.0f, ((Number) w.get("meanRating")).floatValue());

        JsonPath month = month(seed.complaintSite, null);
        Map<String, Object> m = month.getMap("periods[0].complaints");
        assertEquals(3, m.get("received"));
        assertEquals(3, m.get("verified"));
        assertEquals(66.67f, ((Number) m.get("verifiedWithin3WorkingDaysPercent")).floatValue());
        assertEquals(3, m.get("resolved"));
        assertEquals(66.67f, ((Number) m.get("resolvedWithinDeadlinePercent")).floatValue());
        assertEquals(1, m.get("reopened"));
        assertEquals(2, m.get("rated"));
        assertEquals(3.0f, ((Number) m.get("meanRating")).floatValue());
    }

    private String periodsOf(IndicatorSeed seed) {
        return String.join("\n", raw(seed.queueSite, null, "day"), raw(seed.queueSite, null, "month"),
                raw("MPP-BDG", seed.applicationAgency, "week"), raw(seed.complaintSite, null, "day"));
    }

    private static String raw(String site, String agency, String granularity) {
        var request = given().auth().oauth2(TestTokens.admin()).queryParam("site", site).queryParam("from", "2026-07-01")
                .queryParam("to", "2026-07-31").queryParam("granularity", granularity);
        if (agency != null) {
            request.queryParam("agency", agency);
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().asString();
    }

    static JsonPath month(String site, String agency) {
        return report(site, agency, "2026-07-01", "2026-07-31", "month");
    }

    static JsonPath report(String site, String agency, String from, String to, String granularity) {
        var request = given().auth().oauth2(TestTokens.staff(Roles.SUPERVISOR, null, site)).queryParam("site", site)
                .queryParam("from", from).queryParam("to", to).queryParam("granularity", granularity);
        if (agency != null) {
            request.queryParam("agency", agency);
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }
}
