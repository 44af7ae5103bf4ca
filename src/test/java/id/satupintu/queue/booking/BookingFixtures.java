package id.satupintu.queue.booking;

import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.PinnedClock;
import static io.restassured.RestAssured.given;

import id.satupintu.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sites with booking hours, a clock pinned to a working day, and the calls a citizen makes to book. */
public final class BookingFixtures {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private BookingFixtures() {
    }

    /**
     * Pins the service's clock for the current test. A check-in is only possible on the slot's own day,
     * which must be a working day, and the suite also runs on weekends and holidays: so tests choose a
     * working day and set the time on it rather than depend on when they run.
     */
    static PinnedClock pin(OffsetDateTime at) {
        return PinnedClock.pin(at.toInstant());
    }

    /** The first working day at the site on or after {@code from}, as the site's calendar says. */
    public static LocalDate workingDay(String site, LocalDate from) {
        String date = given().queryParam("from", from.toString()).queryParam("days", 0)
                .get("/api/v1/sites/" + site + "/calendar/add-working-days").then().statusCode(200)
                .extract().path("date");
        return LocalDate.parse(date);
    }

    /** A working day a few days after today at the site, clear of anything the real clock would do. */
    public static LocalDate bookingDay(String site) {
        return workingDay(site, LocalDate.now(WIB).plusDays(3));
    }

    /** A bookable site (lane A, weekday hours 08:00-12:00, 30-minute slots), its booking day, the clock on it. */
    record Setup(String site, LocalDate day, PinnedClock clock) {
    }

    static Setup setUp(String service, int capacity, String time) {
        String site = bookableSite(service, capacity);
        LocalDate day = bookingDay(site);
        return new Setup(site, day, pin(at(day, time)));
    }

    public static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(WIB).toOffsetDateTime();
    }

    /** As the API writes times: ISO-8601 with seconds and the site's offset. */
    static String iso(OffsetDateTime at) {
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Map<String, Object> weekdays(String opens, String closes, int slotMinutes, int capacity) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.add(Map.of("day", day.name(), "opens", opens, "closes", closes, "slotMinutes", slotMinutes,
                    "capacity", capacity));
        }
        return Map.of("days", days);
    }

    static Response putHours(String token, String site, String service, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/sites/" + site + "/booking-hours/" + service);
    }

    /** A WIB site with lane A for the service and weekday hours 08:00-12:00 in 30-minute slots. */
    public static String bookableSite(String service, int capacity) {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, service);
        putHours(TestTokens.admin(), site, service, weekdays("08:00", "12:00", 30, capacity)).then().statusCode(200);
        return site;
    }

    public static Response book(String token, String site, String service, Object startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceCode", service);
        body.put("startsAt", startsAt == null ? null : startsAt.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sites/" + site + "/bookings");
    }

    static Response slots(String site, String service, LocalDate date) {
        return given().queryParam("service", service).queryParam("date", date.toString())
                .get("/api/v1/sites/" + site + "/booking-slots");
    }

    static Response bookingAction(String token, String booking, String action) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .post("/api/v1/bookings/" + booking + "/" + action);
    }

    static Response reschedule(String token, String booking, Object startsAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("startsAt", startsAt.toString()))
                .post("/api/v1/bookings/" + booking + "/reschedule");
    }

    static Response kioskCheckIn(String kiosk, String site, String token) {
        return given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/sites/" + site + "/bookings/check-in");
    }
}
