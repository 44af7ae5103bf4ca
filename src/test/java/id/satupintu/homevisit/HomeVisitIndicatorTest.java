package id.satupintu.homevisit;

import static id.satupintu.homevisit.HomeVisitFixtures.ELDERLY_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.ELDERLY_WOMAN_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.SITE;
import static id.satupintu.homevisit.HomeVisitFixtures.YOUNG_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.post;
import static id.satupintu.homevisit.HomeVisitFixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded visits over three working days, read through the indicators API (JSON, CSV, GraphQL) live, then after
 * the figures' step stored the days that are over, which must change nothing and not run twice.
 */
@QuarkusTest
class HomeVisitIndicatorTest {

    @Inject
    HomeVisitIndicators indicators;

    @Inject
    Pool pool;

    @Test
    void requestsOutcomesAndDaysToVisitAreInTheIndicatorsLiveAndStored() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        LocalDate d0 = f.today;
        LocalDate d1 = HomeVisitFixtures.nextWorkingDay(d0);
        LocalDate d2 = HomeVisitFixtures.nextWorkingDay(d1);
        // Three requests on d0: two on d1's day (one done, one failed), one on d2's (done).
        String done1 = f.requested(ELDERLY_NIK, "ELDERLY");
        String failed = f.requested(ELDERLY_WOMAN_NIK, "ELDERLY");
        String done2 = f.requested(YOUNG_NIK, "DISABILITY");
        String day1 = f.day(d1, "Tim Indikator", 3);
        String day2 = f.day(d2, "Tim Indikator", 3);
        schedule(f.supervisor, done1, day1).statusCode(200);
        schedule(f.supervisor, failed, day1).statusCode(200);
        schedule(f.supervisor, done2, day2).statusCode(200);
        f.travelTo(d1);
        post(f.teamMember, "/api/v1/home-visits/" + done1 + "/outcome", Map.of("outcome", "DONE")).statusCode(200);
        post(f.teamMember, "/api/v1/home-visits/" + failed + "/outcome",
                Map.of("outcome", "FAILED", "reason", "Rumah kosong, warga dirawat di rumah sakit")).statusCode(200);
        // A fourth request on d1.
        f.requested("3273011205500005", "ELDERLY");
        f.travelTo(d2);
        post(f.teamMember, "/api/v1/home-visits/" + done2 + "/outcome", Map.of("outcome", "DONE")).statusCode(200);

        long calendar1 = ChronoUnit.DAYS.between(d0, d1);
        long calendar2 = ChronoUnit.DAYS.between(d0, d2);
        // Nothing stored yet for these days: all live.
        JsonPath live = report(f, f.agency, d0, d2, "day");
        checkDays(live, d0, d1, d2, calendar1, calendar2);
        String before = live.getString("periods").toString();

        // The step stores the days up to yesterday (d0, d1) once; a second run finds nothing left.
        assertTrue(indicators.materialize(f.clock.now()).await().atMost(Duration.ofSeconds(30)) >= 1);
        assertEquals(2, count("select count(*) from home_visit_indicator_day where agency_code = $1", f.agency));
        assertEquals(0, indicators.materialize(f.clock.now()).await().atMost(Duration.ofSeconds(30)));
        JsonPath stored = report(f, f.agency, d0, d2, "day");
        checkDays(stored, d0, d1, d2, calendar1, calendar2);
        assertEquals(before, stored.getString("periods").toString());

        if (d0.getMonth() == d2.getMonth()) {
            // Over the month: medians and means over the visits themselves, not of the days' medians.
            JsonPath month = report(f, f.agency, d0, d2, "month");
            assertEquals(4, month.getInt("periods[0].homeVisits.requested"));
            assertEquals(2, month.getInt("periods[0].homeVisits.done"));
            assertEquals(1, month.getInt("periods[0].homeVisits.failed"));
            assertEquals(1.5f, month.getFloat("periods[0].homeVisits.medianWorkingDaysToVisit"));
            assertEquals(1.5f, month.getFloat("periods[0].homeVisits.meanWorkingDaysToVisit"));
            assertEquals((calendar1 + calendar2) / 2.0f, month.getFloat("periods[0].homeVisits.medianCalendarDaysToVisit"));
            assertEquals((calendar1 + calendar2) / 2.0f, month.getFloat("periods[0].homeVisits.meanCalendarDaysToVisit"));
        }
        // Another agency's figures do not hold these visits.
        JsonPath other = report(f, f.otherAgency, d0, d2, "day");
        assertTrue(other.getList("periods.homeVisits.requested", Integer.class).stream().allMatch(n -> n == 0));

        // The CSV has the columns, with the same figures; a figure without a visit done is an empty cell.
        String csv = given().auth().oauth2(f.supervisor).accept("text/csv").queryParam("site", SITE)
                .queryParam("agency", f.agency).queryParam("from", d0.toString()).queryParam("to", d2.toString())
                .get("/api/v1/indicators").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        for (String column : List.of("homeVisits.requested", "homeVisits.done", "homeVisits.failed",
                "homeVisits.medianWorkingDaysToVisit", "homeVisits.meanWorkingDaysToVisit",
                "homeVisits.medianCalendarDaysToVisit", "homeVisits.meanCalendarDaysToVisit")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        List<String> first = row(lines, d0);
        List<String> second = row(lines, d1);
        assertEquals("3", first.get(header.indexOf("homeVisits.requested")));
        assertEquals("", first.get(header.indexOf("homeVisits.medianWorkingDaysToVisit")));
        assertEquals("1", second.get(header.indexOf("homeVisits.done")));
        assertEquals("1", second.get(header.indexOf("homeVisits.failed")));
        assertEquals("1.00", second.get(header.indexOf("homeVisits.medianWorkingDaysToVisit")));

        // GraphQL shares the report.
        given().auth().oauth2(f.supervisor).contentType("application/json")
                .body(Map.of("query", "query($s: String!, $a: String, $f: String!, $t: String!) { indicators(site: $s,"
                        + " agency: $a, from: $f, to: $t) { periods { from homeVisits { requested done failed"
                        + " medianWorkingDaysToVisit } } } }", "variables", Map.of("s", SITE, "a", f.agency,
                        "f", d0.toString(), "t", d2.toString())))
                .post("/graphql").then().statusCode(200)
                .body(on(d0) + ".homeVisits.requested", equalTo(3))
                .body(on(d1) + ".homeVisits.failed", equalTo(1))
                .body(on(d2) + ".homeVisits.medianWorkingDaysToVisit", equalTo(2.0f));
    }

    private static void checkDays(JsonPath report, LocalDate d0, LocalDate d1, LocalDate d2, long calendar1,
                                  long calendar2) {
        Map<String, Object> first = visitsOn(report, d0);
        Map<String, Object> second = visitsOn(report, d1);
        Map<String, Object> third = visitsOn(report, d2);
        assertEquals(List.of(3, 1, 0), List.of(first.get("requested"), second.get("requested"), third.get("requested")));
        assertEquals(List.of(0, 1, 1), List.of(first.get("done"), second.get("done"), third.get("done")));
        assertEquals(List.of(0, 1, 0), List.of(first.get("failed"), second.get("failed"), third.get("failed")));
        assertNull(first.get("medianWorkingDaysToVisit"));
        assertNull(first.get("meanCalendarDaysToVisit"));
        assertEquals(1.0f, number(second, "medianWorkingDaysToVisit"));
        assertEquals(1.0f, number(second, "meanWorkingDaysToVisit"));
        assertEquals((float) calendar1, number(second, "medianCalendarDaysToVisit"));
        assertEquals(2.0f, number(third, "medianWorkingDaysToVisit"));
        assertEquals((float) calendar2, number(third, "meanCalendarDaysToVisit"));
    }

    /** The home-visit figures of the period (a day) that starts on {@code day}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> visitsOn(JsonPath report, LocalDate day) {
        List<Map<String, Object>> periods = report.getList("periods");
        return (Map<String, Object>) periods.stream().filter(p -> day.toString().equals(p.get("from"))).findFirst()
                .orElseThrow().get("homeVisits");
    }

    private static String on(LocalDate day) {
        return "data.indicators.periods.find { it.from == '" + day + "' }";
    }

    /** The CSV row of the period that starts on {@code day}. */
    private static List<String> row(List<String> lines, LocalDate day) {
        return lines.stream().skip(1).map(line -> Arrays.asList(line.split(",", -1)))
                .filter(cells -> cells.get(0).equals(day.toString())).findFirst().orElseThrow();
    }

    private static float number(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).floatValue();
    }

    private static JsonPath report(HomeVisitFixtures f, String agency, LocalDate from, LocalDate to, String granularity) {
        return given().auth().oauth2(f.supervisor).queryParam("site", SITE).queryParam("agency", agency)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("granularity", granularity).get("/api/v1/indicators").then().statusCode(200)
                .extract().jsonPath();
    }

    private long count(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
