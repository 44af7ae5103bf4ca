package id.satupintu.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueDays;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.queue.QueueIndicators;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's cuts of the indicators: waiting time by hour of the day (hand-computed for tickets at four
 * hours, one of them 23:50 at the site, i.e. 16:50 UTC; read live, then stored by the job, then stored and live
 * together) and the applications by agency for the {@link IndicatorSeed}'s agency; who may read them and what
 * bad requests get, over REST and GraphQL.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class IndicatorBreakdownTest {

    private static final String HOURS = "/api/v1/indicators/hours";

    private static final String AGENCIES = "/api/v1/indicators/agencies";

    /**
     * The queue's step of the indicator job, run alone: the whole job at a July instant would store the
     * applications' and complaints' July days that later seeds still write into.
     */
    @Inject
    QueueIndicators queueStep;

    @Inject
    Pool pool;

    /**
     * Issues a kiosk ticket at the pinned clock's instant {@code at}, calls it, ends it, and sets its call to
     * {@code wait} s after issue (never called if negative).
     */
    private static void ticket(PinnedClock clock, Instant at, String site, String kiosk, OpenCounter counter, int wait,
                               boolean served) {
        clock.set(at);
        String id = QueueFixtures.issue(site, kiosk, "KIOSK", QueueFixtures.KTP, null).then().statusCode(201)
                .extract().path("id");
        if (wait < 0) {
            IndicatorSeed.sql("update queue_ticket set issued_at = $2 where id = $1", UUID.fromString(id),
                    at.atOffset(ZoneOffset.UTC));
            return;
        }
        assertEquals(id, QueueFixtures.callNext(counter).then().statusCode(200).extract().path("id"));
        if (served) {
            QueueFixtures.act(counter, id, "start").then().statusCode(200);
            QueueFixtures.act(counter, id, "finish").then().statusCode(200);
        } else {
            QueueFixtures.act(counter, id, "no-show").then().statusCode(200);
        }
        // Issue and the counter's steps stamp the database's now(); the plan is set afterwards, as IndicatorSeed does.
        IndicatorSeed.sql("update queue_ticket set issued_at = $3, called_at = $3 + make_interval(secs => $2)"
                + " where id = $1", UUID.fromString(id), wait, at.atOffset(ZoneOffset.UTC));
    }

    private static RequestSpecification ask(String token, String site, String from, String to) {
        return IndicatorAccessTest.ask(token, site, from, to, null);
    }

    private static JsonPath hours(String site, String from, String to) {
        return ask(IndicatorSeed.supervisorOf(site), site, from, to).get(HOURS).then().statusCode(200)
                .header("Cache-Control", "private, no-store").extract().jsonPath();
    }

    @Test
    void waitingTimeByHourOfTheDayIsTheSameLiveAndStoredAndCountsTheSitesLocalHour() {
        PinnedClock clock = PinnedClock.pin(IndicatorSeed.at(1, 8, 0));
        String site = QueueFixtures.site("Asia/Jakarta", true);
        QueueFixtures.createLane(site, "A", 500, QueueFixtures.KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        // 1 July: two tickets in the 8 o'clock hour, a no-show at 13, one at 23:50 local (16:50 UTC).
        ticket(clock, IndicatorSeed.at(1, 8, 10), site, kiosk, counter, 60, true);
        ticket(clock, IndicatorSeed.at(1, 8, 40), site, kiosk, counter, 180, true);
        ticket(clock, IndicatorSeed.at(1, 13, 5), site, kiosk, counter, 600, false);
        ticket(clock, IndicatorSeed.at(1, 23, 50), site, kiosk, counter, 30, true);
        clock.set(IndicatorSeed.at(2, 0, 30));
        QueueDays.endOfDay(IndicatorSeed.at(2, 0, 30));

        // Before the job: 1 July is read live.
        String live = ask(IndicatorSeed.supervisorOf(site), site, "2026-07-01", "2026-07-01").get(HOURS).then()
                .statusCode(200).extract().asString();
        JsonPath day = hours(site, "2026-07-01", "2026-07-01");
        assertEquals(24, day.getList("hours").size());
        List<Integer> issued = new ArrayList<>(java.util.Collections.nCopies(24, 0));
        issued.set(8, 2);
        issued.set(13, 1);
        issued.set(23, 1);
        assertEquals(issued, day.getList("hours.issued"));
        assertEquals(java.util.stream.IntStream.range(0, 24).boxed().toList(), day.getList("hours.hour"));
        // Issued, called, served, wait mean, median and p90; p90 at 8: 60 + 0.9 × (180 − 60).
        assertEquals(Arrays.asList(2, 2, 2, 120.0f, 120.0f, 168.0f), hour(day, 8));
        assertEquals(Arrays.asList(1, 1, 0, 600.0f, 600.0f, 600.0f), hour(day, 13));
        assertEquals(Arrays.asList(1, 1, 1, 30.0f, 30.0f, 30.0f), hour(day, 23));
        assertEquals(Arrays.asList(0, 0, 0, null, null, null), hour(day, 16));

        // The job stores the closed day's hours in the statement that stores its day: the same answer after.
        queueStep.materialize(IndicatorSeed.at(2, 0, 31)).await().indefinitely();
        assertEquals(3L, count("select count(*) from queue_indicator_hour where site_code = $1", site));
        assertEquals(1L, count("select count(*) from queue_indicator_hour where site_code = $1 and hour = 23", site));
        assertEquals(live, ask(IndicatorSeed.supervisorOf(site), site, "2026-07-01", "2026-07-01").get(HOURS).then()
                .statusCode(200).extract().asString());

        // 2 July, today: a ticket at 8:05 waiting 120 s, live beside the stored 1 July; one at 9:30 not called yet.
        ticket(clock, IndicatorSeed.at(2, 8, 5), site, kiosk, counter, 120, true);
        ticket(clock, IndicatorSeed.at(2, 9, 30), site, kiosk, counter, -1, false);
        JsonPath both = hours(site, "2026-07-01", "2026-07-02");
        // Waits 60, 120, 180 at 8: p90 120 + 0.8 × 60.
        assertEquals(Arrays.asList(3, 3, 3, 120.0f, 120.0f, 168.0f), hour(both, 8));
        assertEquals(Arrays.asList(1, 0, 0, null, null, null), hour(both, 9));
        assertEquals("2026-07-01", both.getString("from"));
        assertEquals(site, both.getString("site"));

        // A service or agency filter narrows as on the main report; another service has nothing.
        JsonPath other = ask(IndicatorSeed.supervisorOf(site), site, "2026-07-01", "2026-07-02")
                .queryParam("service", "NO-SUCH-SERVICE").get(HOURS).then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Collections.nCopies(24, 0), other.getList("hours.issued"));
        given().auth().oauth2(TestTokens.admin()).queryParam("site", site).queryParam("from", "2026-07-01")
                .queryParam("to", "2026-07-02").queryParam("service", QueueFixtures.KTP).get(HOURS).then()
                .statusCode(200).body("hours[8].issued", equalTo(3)).body("service", equalTo(QueueFixtures.KTP));

        // GraphQL answers the same.
        QueueFixtures.graphql(TestTokens.admin(), "query($site: String!) { indicatorHours(site: $site,"
                + " from: \"2026-07-01\", to: \"2026-07-02\") { site hours { hour issued called waitSecondsP90 } } }",
                Map.of("site", site)).body("data.indicatorHours.hours[8].issued", equalTo(3))
                .body("data.indicatorHours.hours[8].waitSecondsP90", equalTo(168.0f));
        // Its days closed, so no later test finds a past day of this site still open.
        QueueDays.endOfDay(IndicatorSeed.at(3, 0, 30));
    }

    @Test
    void decisionsInTimeByAgencyAreTheSeededAgencysMonth() {
        IndicatorSeed seed = new IndicatorSeed();
        String agency = seed.applicationAgency;
        JsonPath month = ask(IndicatorSeed.supervisorOf("MPP-BDG"), "MPP-BDG", "2026-07-01", "2026-07-31")
                .get(AGENCIES).then().statusCode(200).header("Cache-Control", "private, no-store").extract().jsonPath();
        List<String> codes = month.getList("agencies.agency");
        assertEquals(codes.stream().sorted().toList(), codes);
        int i = codes.indexOf(agency);
        String entry = "agencies[" + i + "].";
        assertEquals(4, month.getInt(entry + "applications.filed"));
        assertEquals(4, month.getInt(entry + "applications.decided"));
        // A1, A2 and A4 in time; A3 deemed approved the day after its deadline.
        assertEquals(75.0f, month.getFloat(entry + "applications.decidedInTimePercent"));
        assertEquals(1, month.getInt(entry + "applications.deemedApprovals"));
        assertEquals(4.0f, month.getFloat(entry + "applications.medianWorkingDaysToDecision"));
        String shortName = pool.preparedQuery("select short_name from agency where code = $1")
                .execute(Tuple.of(agency)).await().indefinitely().iterator().next().getString(0);
        assertEquals(shortName, month.getString(entry + "agencyName"));

        // The agency's entry is its figures on the main report with agency= (one definition), here per week.
        JsonPath week = ask(IndicatorSeed.supervisorOf("MPP-BDG"), "MPP-BDG", "2026-07-06", "2026-07-12")
                .queryParam("agency", agency).get(AGENCIES).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(agency), week.getList("agencies.agency"));
        assertEquals(IndicatorTest.report("MPP-BDG", agency, "2026-07-06", "2026-07-12", "week")
                .getMap("periods[0].applications"), week.getMap("agencies[0].applications"));

        // The queue site has no applications: no agency listed.
        ask(IndicatorSeed.supervisorOf(seed.queueSite), seed.queueSite, "2026-07-01", "2026-07-31").get(AGENCIES)
                .then().statusCode(200).body("agencies.size()", equalTo(0));

        QueueFixtures.graphql(TestTokens.admin(), "query($agency: String) { indicatorAgencies(site: \"MPP-BDG\","
                + " agency: $agency, from: \"2026-07-01\", to: \"2026-07-31\") { agencies { agency agencyName"
                + " applications { decided decidedInTimePercent } } } }", Map.of("agency", agency))
                .body("data.indicatorAgencies.agencies[0].applications.decidedInTimePercent", equalTo(75.0f));
    }

    @Test
    void onlyTheSitesSupervisorsAndAdminsReadAndBadRequestsAre400ProblemsNamingTheField() {
        String site = QueueFixtures.openSite();
        String other = QueueFixtures.openSite();
        for (String path : List.of(HOURS, AGENCIES)) {
            ask(TestTokens.staff(Roles.SUPERVISOR, null, site), site, "2026-07-01", "2026-07-31").get(path).then()
                    .statusCode(200);
            ask(TestTokens.admin(), site, "2026-07-01", "2026-07-31").get(path).then().statusCode(200);
            for (String token : List.of(TestTokens.staff(Roles.SUPERVISOR, null, other),
                    TestTokens.staff(Roles.OFFICER, null, site), TestTokens.staff(Roles.COUNTER_STAFF, null, site),
                    QueueFixtures.citizen(), QueueFixtures.device(Roles.KIOSK, site))) {
                ask(token, site, "2026-07-01", "2026-07-31").get(path).then().statusCode(403)
                        .contentType("application/problem+json").body("code", equalTo("forbidden"));
            }
            ask(null, site, "2026-07-01", "2026-07-31").get(path).then().statusCode(401);
            ask(TestTokens.admin(), "NO-SUCH-SITE", "2026-07-01", "2026-07-31").get(path).then().statusCode(404)
                    .contentType("application/problem+json");

            String admin = TestTokens.admin();
            Map<String, List<String>> cases = Map.of(
                    "site", java.util.Arrays.asList(null, "2026-07-01", "2026-07-31"),
                    "from", List.of(site, "2026-13-01", "2026-07-31"),
                    "to", List.of(site, "2026-07-01", "31-07-2026\u0000"));
            cases.forEach((field, c) -> ask(admin, c.get(0), c.get(1), c.get(2)).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field)));
            ask(admin, site, null, "2026-07-31").get(path).then().statusCode(400).body("errors.field", hasItem("from"));
            ask(admin, site, "2026-07-31", "2026-07-01").get(path).then().statusCode(400)
                    .body("errors[0].code", equalTo("indicator-dates"));
            ask(admin, site, "2026-01-01", "2027-01-02").get(path).then().statusCode(400)
                    .body("errors[0].code", equalTo("indicator-range"));
            ask(admin, site, "📅", "x".repeat(2_000)).get(path).then().statusCode(400)
                    .contentType("application/problem+json");
            // An unknown agency or service is nothing to count, not an error (as on the main report).
            ask(admin, site, "2026-07-01", "2026-07-31").queryParam("agency", "NO-SUCH-AGENCY").get(path).then()
                    .statusCode(200);
        }
        for (String field : List.of("indicatorHours", "indicatorAgencies")) {
            QueueFixtures.graphql(TestTokens.staff(Roles.SUPERVISOR, null, other), "query($site: String!) { " + field
                    + "(site: $site, from: \"2026-07-01\", to: \"2026-07-31\") { site } }", Map.of("site", site))
                    .body("errors[0].extensions.code", equalTo("forbidden"));
        }
    }

    /** One hour's issued, called, served, wait mean, median and p90, as the API gives them. */
    private static List<Object> hour(JsonPath report, int hour) {
        Map<String, Object> h = report.getMap("hours[" + hour + "]");
        assertEquals(hour, h.get("hour"));
        return Arrays.asList(h.get("issued"), h.get("called"), h.get("served"), h.get("waitSecondsMean"),
                h.get("waitSecondsMedian"), h.get("waitSecondsP90"));
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }
}
