package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarTestSites;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar over HTTP, against the 2026 holidays the migration ships. 2027 has no
 * holidays entered in these tests (the admin tests use far-off years), which the year-boundary
 * test relies on.
 */
@QuarkusTest
class CalendarResourceTest {

    static String jakarta;
    static String jayapura;

    /** Once per class, but inside a test: REST Assured learns the random port only then. */
    @BeforeEach
    void sites() {
        if (jakarta == null) {
            jakarta = CalendarTestSites.create("Asia/Jakarta");
            jayapura = CalendarTestSites.create("Asia/Jayapura");
        }
    }

    static ValidatableResponse add(String site, String query) {
        return given().when().get("/api/v1/sites/" + site + "/calendar/add-working-days?" + query).then();
    }

    static ValidatableResponse count(String site, String query) {
        return given().when().get("/api/v1/sites/" + site + "/calendar/working-days?" + query).then();
    }

    @Test
    void nyepiAndIdulFitriCloseAWeekInMarch2026() {
        // Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20 cuti Idul Fitri, Sat-Sun 21-22 Idul Fitri, Mon-Tue 23-24 cuti.
        add(jakarta, "from=2026-03-17&days=1").statusCode(200)
                .body("from", equalTo("2026-03-17")).body("days", equalTo(1))
                .body("date", equalTo("2026-03-25")).body("timeZone", equalTo("Asia/Jakarta"))
                .body("holidaysKnown", equalTo(true));
        add(jakarta, "from=2026-03-17&days=0").statusCode(200).body("date", equalTo("2026-03-17"));
        add(jakarta, "from=2026-03-18&days=0").statusCode(200).body("date", equalTo("2026-03-25"));
        add(jakarta, "from=2026-03-16&days=5").statusCode(200).body("date", equalTo("2026-03-30"));
        count(jakarta, "from=2026-03-13&to=2026-03-27").statusCode(200).body("count", equalTo(5));
        count(jakarta, "from=2026-03-27&to=2026-03-13").statusCode(200).body("count", equalTo(-5));
        count(jakarta, "from=2026-03-20&to=2026-03-20").statusCode(200).body("count", equalTo(0));
    }

    @Test
    void calendarListsEveryReason() {
        given().when().get("/api/v1/sites/" + jakarta + "/calendar?from=2026-03-16&to=2026-03-25")
                .then().statusCode(200)
                .body("from", equalTo("2026-03-16")).body("to", equalTo("2026-03-25"))
                .body("workingDays", equalTo(3))
                .body("holidaysKnown", equalTo(true)).body("yearsWithoutHolidays", empty())
                .body("nonWorkingDays.date", contains("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21",
                        "2026-03-22", "2026-03-23", "2026-03-24"))
                .body("nonWorkingDays[0].reasons[0].kind", equalTo("CUTI_BERSAMA"))
                .body("nonWorkingDays[1].reasons[0].kind", equalTo("LIBUR_NASIONAL"))
                .body("nonWorkingDays[1].reasons[0].name", equalTo("Hari Suci Nyepi (Tahun Baru Saka 1948)"))
                .body("nonWorkingDays[3].weekday", equalTo("SATURDAY"))
                .body("nonWorkingDays[3].reasons.kind", contains("WEEKEND", "LIBUR_NASIONAL"));
    }

    @Test
    void christmasCutiBersamaAndHolidayThenWeekend() {
        // Thu 24 Dec cuti bersama, Fri 25 Christmas, Sat-Sun 26-27.
        add(jakarta, "from=2026-12-23&days=1").statusCode(200).body("date", equalTo("2026-12-28"))
                .body("holidaysKnown", equalTo(true));
        count(jakarta, "from=2026-12-18&to=2026-12-31").statusCode(200).body("count", equalTo(7));
    }

    @Test
    void saturdayIsNotAWorkingDayEvenWhereTheSiteOpens() {
        // The test site opens on Saturday mornings; SLAs still count Monday to Friday only.
        add(jakarta, "from=2026-06-05&days=1").statusCode(200).body("date", equalTo("2026-06-08"));
        add(jakarta, "from=2026-06-06&days=0").statusCode(200).body("date", equalTo("2026-06-08"));
    }

    @Test
    void yearBoundaryInto2027SaysHolidaysAreUnknown() {
        // 1 January 2027 counts as a working day because 2027's SKB is not entered: the answer says so.
        add(jakarta, "from=2026-12-30&days=2").statusCode(200).body("date", equalTo("2027-01-01"))
                .body("holidaysKnown", equalTo(false)).body("yearsWithoutHolidays", contains(2027));
        add(jakarta, "from=2026-12-29&days=2").statusCode(200).body("date", equalTo("2026-12-31"))
                .body("holidaysKnown", equalTo(true));
        count(jakarta, "from=2026-12-23&to=2027-01-05").statusCode(200).body("count", equalTo(7))
                .body("holidaysKnown", equalTo(false));
        given().when().get("/api/v1/sites/" + jakarta + "/calendar?from=2026-12-20&to=2027-01-10")
                .then().statusCode(200).body("holidaysKnown", equalTo(false))
                .body("yearsWithoutHolidays", contains(2027))
                .body("nonWorkingDays.date", hasItems("2026-12-24", "2026-12-25", "2027-01-02"))
                .body("nonWorkingDays.date", not(hasItem("2027-01-01")));
    }

    @Test
    void theSameInstantIsADifferentDayInWibAndWit() {
        // 16:30 UTC on 17 March is 23:30 on Tuesday the 17th in WIB, 01:30 on Wednesday the 18th in WIT.
        String at = "at=2026-03-17T16:30:00Z";
        add(jakarta, at + "&days=0").statusCode(200).body("from", equalTo("2026-03-17"))
                .body("date", equalTo("2026-03-17"));
        add(jayapura, at + "&days=0").statusCode(200).body("from", equalTo("2026-03-18"))
                .body("date", equalTo("2026-03-25")).body("timeZone", equalTo("Asia/Jayapura"));
        given().queryParam("at", "2026-03-18T00:30:00+09:00").queryParam("days", 0)
                .when().get("/api/v1/sites/" + jakarta + "/calendar/add-working-days")
                .then().statusCode(200).body("from", equalTo("2026-03-17"));
        count(jayapura, at + "&to=2026-03-27").statusCode(200).body("from", equalTo("2026-03-18"))
                .body("count", equalTo(3));
        given().when().get("/api/v1/sites/" + jayapura + "/calendar?" + at).then().statusCode(200)
                .body("from", equalTo("2026-03-18")).body("to", equalTo("2026-04-17"));
    }

    @Test
    void withoutFromTodayAtTheSiteIsUsed() {
        add(jakarta, "days=0").statusCode(200).body("date", not(equalTo(null)));
    }

    @Test
    void badInputsAreProblems() {
        add(jakarta, "from=2026-13-01&days=1").statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("invalid-date"));
        add(jakarta, "from=2026-03-01&days=-1").statusCode(400).body("errors[0].field", equalTo("days"))
                .body("errors[0].code", equalTo("min"));
        add(jakarta, "from=2026-03-01&days=100000").statusCode(400).body("errors[0].code", equalTo("max"));
        add(jakarta, "from=2026-03-01&days=lima").statusCode(400).body("errors[0].code", equalTo("wrong-type"));
        add(jakarta, "from=2026-03-01").statusCode(400).body("errors[0].field", equalTo("days"))
                .body("errors[0].code", equalTo("required"));
        add(jakarta, "days=1&at=yesterday").statusCode(400).body("errors[0].field", equalTo("at"))
                .body("errors[0].code", equalTo("invalid-instant"));
        add(jakarta, "from=1900-01-01&days=1").statusCode(400).body("errors[0].code", equalTo("year-out-of-range"));
        count(jakarta, "from=2026-03-01").statusCode(400).body("errors[0].field", equalTo("to"));
        count(jakarta, "from=2026-03-01&to=2040-01-01").statusCode(400).body("errors[0].code", equalTo("range-too-long"));
        given().when().get("/api/v1/sites/" + jakarta + "/calendar?from=2026-03-10&to=2026-03-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("before-from"));
        given().when().get("/api/v1/sites/" + jakarta + "/calendar?from=2026-01-01&to=2027-06-01")
                .then().statusCode(400).body("errors[0].code", equalTo("range-too-long"));
        given().header("Accept-Language", "en").when()
                .get("/api/v1/sites/" + jakarta + "/calendar?from=2026-01-01&to=2027-06-01")
                .then().statusCode(400).body("errors[0].message", equalTo("the range is at most 366 days"));
    }

    @Test
    void unknownSiteIsNotFound() {
        add("NOPE-404", "from=2026-03-01&days=1").statusCode(404).body("code", equalTo("site-not-found"));
        count("NOPE-404", "from=2026-03-01&to=2026-03-02").statusCode(404);
        given().when().get("/api/v1/sites/NOPE-404/calendar").then().statusCode(404);
    }
}
