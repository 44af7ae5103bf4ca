package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarTestSites;
import id.satupintu.catalog.WorkingDayCalendar;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database's {@code working_days_between} (used by the one-statement status read) must count
 * exactly as {@link WorkingDayCalendar} does: every pair of days over real 2026 holidays and a site
 * closure, both directions, compared with the Java count.
 */
@QuarkusTest
class WorkingDaysBetweenFunctionTest {

    @Inject
    Pool pool;

    @Inject
    WorkingDayCalendar calendar;

    private Integer sql(String site, LocalDate from, LocalDate to) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select working_days_between($1, $2, $3)").execute(Tuple.of(site, from, to))
                .map(rows -> rows.iterator().next().getInteger(0)));
    }

    @Test
    void countsLikeTheCalendarAcrossHolidaysAndClosures() throws Throwable {
        String site = CalendarTestSites.create("Asia/Jakarta");
        // Thu 2 April: Good Friday on the 3rd, a closure Monday 6 to Wednesday 8.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(SiteClosureResourceTest.RENOVATION).post("/api/v1/sites/" + site + "/closures")
                .then().statusCode(201);
        List<LocalDate> days = new ArrayList<>();
        // Around Nyepi, Idul Fitri and cuti bersama (16-24 March), Easter and the closure, and into May.
        for (LocalDate d = LocalDate.parse("2026-03-13"); d.isBefore(LocalDate.parse("2026-04-14")); d = d.plusDays(3)) {
            days.add(d);
        }
        days.add(LocalDate.parse("2026-05-29"));
        days.add(LocalDate.parse("2026-12-31"));
        days.add(LocalDate.parse("2027-01-04"));
        for (LocalDate from : days) {
            for (LocalDate to : days) {
                int expected = VertxContextSupport.subscribeAndAwait(() -> calendar.workingDaysBetween(site, from, to));
                assertEquals(expected, sql(site, from, to), from + " to " + to);
            }
        }
        // A known case spelled out: (2 April, 9 April] has 9 April only.
        assertEquals(1, sql(site, LocalDate.parse("2026-04-02"), LocalDate.parse("2026-04-09")));
        assertEquals(-1, sql(site, LocalDate.parse("2026-04-09"), LocalDate.parse("2026-04-02")));
        assertNull(sql(site, null, LocalDate.parse("2026-04-09")));
    }
}
