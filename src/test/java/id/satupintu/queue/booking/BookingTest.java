package id.satupintu.queue.booking;

import id.satupintu.platform.security.Digests;
import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.booking.BookingFixtures.at;
import static id.satupintu.queue.booking.BookingFixtures.iso;
import static id.satupintu.queue.booking.BookingFixtures.book;
import static id.satupintu.queue.booking.BookingFixtures.bookingAction;
import static id.satupintu.queue.booking.BookingFixtures.bookingDay;
import static id.satupintu.queue.booking.BookingFixtures.pin;
import static id.satupintu.queue.booking.BookingFixtures.putHours;
import static id.satupintu.queue.booking.BookingFixtures.reschedule;
import static id.satupintu.queue.booking.BookingFixtures.slots;
import static id.satupintu.queue.booking.BookingFixtures.weekdays;
import static id.satupintu.queue.QueueFixtures.KK;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.PASPOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingTest {

    @Inject
    Pool pool;

    @Test
    void supervisorsSetBookingHoursAndBadHoursAreRefused() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        Map<String, Object> week = weekdays("08:00", "12:00", 30, 4);

        putHours(TestTokens.staff(Roles.SUPERVISOR, null, site), site, KTP, week).then().statusCode(200)
                .body("siteCode", equalTo(site)).body("serviceCode", equalTo(KTP))
                .body("timeZone", equalTo("Asia/Jakarta")).body("days", hasSize(5))
                .body("days[0].day", equalTo("MONDAY")).body("days[0].opens", equalTo("08:00"))
                .body("days[0].slotMinutes", equalTo(30)).body("days[0].capacity", equalTo(4));
        given().get("/api/v1/sites/" + site + "/booking-hours/" + KTP).then().statusCode(200)
                .body("days", hasSize(5)).body("days[4].day", equalTo("FRIDAY"));

        putHours(TestTokens.staff(Roles.SUPERVISOR, null, "MPP-OTHER"), site, KTP, week).then().statusCode(403);
        putHours(QueueFixtures.citizen(), site, KTP, week).then().statusCode(403);
        putHours(TestTokens.staff(Roles.COUNTER_STAFF, null, site), site, KTP, week).then().statusCode(403);
        given().contentType(ContentType.JSON).body(week).put("/api/v1/sites/" + site + "/booking-hours/" + KTP)
                .then().statusCode(401);
        String admin = TestTokens.admin();
        putHours(admin, "NO-SUCH-SITE", KTP, week).then().statusCode(404).body("code", equalTo("site-not-found"));
        // Check-in makes a ticket, so only a service with a lane at the site can be booked there.
        putHours(admin, site, PASPOR, week).then().statusCode(400)
                .body("errors[0].field", equalTo("serviceCode")).body("errors[0].code", equalTo("not-queued-here"));
        putHours(admin, site, KTP, Map.of("days", List.of(
                        Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00", "slotMinutes", 30, "capacity", 2),
                        Map.of("day", "MONDAY", "opens", "13:00", "closes", "14:00", "slotMinutes", 30, "capacity", 2),
                        Map.of("day", "TUESDAY", "opens", "12:00", "closes", "08:00", "slotMinutes", 30, "capacity", 2),
                        Map.of("day", "FRIDAY", "opens", "08:00", "closes", "08:20", "slotMinutes", 30, "capacity", 2))))
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", equalTo(List.of("days[1].day", "days[2].closes", "days[3].slotMinutes")));
        putHours(admin, site, KTP, Map.of("days", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00",
                "slotMinutes", 1, "capacity", 0)))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("days[0].capacity", "days[0].slotMinutes")));
        putHours(admin, site, KTP, Map.of("days", List.of(Map.of("day", "SOMEDAY", "opens", "08:00")))).then()
                .statusCode(400);
        putHours(admin, site, KTP, Map.of("days", List.of(Map.of("day", "MONDAY", "opens", "8 pagi", "closes", "12:00",
                "slotMinutes", 30, "capacity", 2)))).then().statusCode(400);
        putHours(admin, site, KTP, Map.of("days", "MONDAY")).then().statusCode(400);
        putHours(admin, site, KTP, Map.of()).then().statusCode(400).body("errors[0].field", equalTo("days"));
        // The refused writes changed nothing; an empty week stops bookings.
        given().get("/api/v1/sites/" + site + "/booking-hours/" + KTP).then().body("days", hasSize(5));
        putHours(admin, site, KTP, Map.of("days", List.of())).then().statusCode(200).body("days", empty());
    }

    @Test
    void slotsFollowTheHoursAndShowThePlacesLeft() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 2, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        slots(site, KTP, day).then().statusCode(200).body("workingDay", equalTo(true))
                .body("timeZone", equalTo("Asia/Jakarta")).body("slots", hasSize(8))
                .body("slots[0].startsAt", equalTo(iso(at(day, "08:00"))))
                .body("slots[0].endsAt", equalTo(iso(at(day, "08:30"))))
                .body("slots[7].startsAt", equalTo(iso(at(day, "11:30"))))
                .body("slots[0].capacity", equalTo(2)).body("slots[0].available", equalTo(2));
        book(QueueFixtures.citizen(), site, KTP, at(day, "08:30")).then().statusCode(201);
        slots(site, KTP, day).then().body("slots[1].available", equalTo(1)).body("slots[0].available", equalTo(2));

        // Slots that have started are no longer offered.
        pin(at(day, "09:10"));
        slots(site, KTP, day).then().body("slots[2].available", equalTo(0)).body("slots[3].available", equalTo(2));

        slots(site, KK, day).then().statusCode(200).body("slots", empty());
        given().queryParam("date", day.toString()).get("/api/v1/sites/" + site + "/booking-slots").then()
                .statusCode(400).body("errors[0].field", equalTo("service"));
        given().queryParam("service", KTP).queryParam("date", "30-11-2026").get("/api/v1/sites/" + site
                + "/booking-slots").then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().queryParam("service", KTP).get("/api/v1/sites/" + site + "/booking-slots").then().statusCode(400);
        slots("NO-SUCH-SITE", KTP, day).then().statusCode(404);
    }

    @Test
    void holidaysCutiBersamaAndSiteClosuresHaveNoSlots() {
        String site = BookingFixtures.bookableSite(KTP, 2);
        // Christmas week 2026: the 24th is cuti bersama, the 25th a national holiday (SKB 3 Menteri).
        pin(OffsetDateTime.parse("2026-12-21T07:00:00+07:00"));
        LocalDate closed = LocalDate.parse("2026-12-22");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("startsOn", closed.toString(), "endsOn", closed.toString(), "reason", "Renovasi"))
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(201);

        slots(site, KTP, LocalDate.parse("2026-12-23")).then().statusCode(200).body("workingDay", equalTo(true))
                .body("slots", hasSize(8));
        for (String date : List.of("2026-12-22", "2026-12-24", "2026-12-25", "2026-12-26")) {
            slots(site, KTP, LocalDate.parse(date)).then().statusCode(200).body("workingDay", equalTo(false))
                    .body("slots", empty());
        }
        String citizen = QueueFixtures.citizen();
        for (String date : List.of("2026-12-22", "2026-12-25")) {
            book(citizen, site, KTP, at(LocalDate.parse(date), "09:00")).then().statusCode(400)
                    .body("errors[0].field", equalTo("startsAt")).body("errors[0].code", equalTo("not-working-day"));
        }
        book(citizen, site, KTP, at(LocalDate.parse("2026-12-23"), "09:00")).then().statusCode(201);
    }

    @Test
    void aCitizenBooksOncePerServiceAndDayAndAFullSlotIsRefused() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 2, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        OffsetDateTime ten = at(day, "10:00");
        String first = QueueFixtures.citizen();

        var booked = book(first, site, KTP, ten).then().statusCode(201)
                .header("Location", containsString("/api/v1/bookings/"))
                .body("status", equalTo("BOOKED")).body("siteCode", equalTo(site)).body("serviceCode", equalTo(KTP))
                .body("date", equalTo(day.toString())).body("startsAt", equalTo(iso(ten)))
                .body("endsAt", equalTo(iso(at(day, "10:30"))))
                .body("checkInFrom", equalTo(iso(at(day, "09:30"))))
                .body("checkInUntil", equalTo(iso(at(day, "10:15"))))
                .body("qrToken", matchesPattern("[A-Za-z0-9_-]{43}")).body("ticketId", nullValue());
        String id = booked.extract().path("id");
        // The token is shown once: only its hash is kept.
        given().auth().oauth2(first).get("/api/v1/bookings/" + id).then().statusCode(200)
                .body("qrToken", nullValue()).body("status", equalTo("BOOKED"));
        given().auth().oauth2(first).get("/api/v1/me/bookings").then().statusCode(200)
                .body("id", equalTo(List.of(id)));

        book(first, site, KTP, at(day, "11:00")).then().statusCode(409).body("code", equalTo("booking-exists"));
        book(QueueFixtures.citizen(), site, KTP, ten).then().statusCode(201);
        given().auth().oauth2(QueueFixtures.citizen()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "startsAt", ten.toString()))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("slot-full"))
                .body("title", equalTo("The slot is full"))
                .body("detail", equalTo("Slot " + day + " 10:00 is full. Please choose another slot."));
        book(QueueFixtures.citizen(), site, KTP, ten).then().statusCode(409)
                .body("title", equalTo("Slot sudah penuh"));
        // The same instant written in UTC is the same slot.
        book(QueueFixtures.citizen(), site, KTP, ten.withOffsetSameInstant(ZoneOffset.UTC)).then()
                .statusCode(409).body("code", equalTo("slot-full"));
    }

    @Test
    void badBookingsAreClearClientErrors() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 2, "09:05");
        String site = setup.site();
        LocalDate day = setup.day();
        String citizen = QueueFixtures.citizen();

        book(citizen, site, KTP, at(day, "10:10")).then().statusCode(400)
                .body("errors[0].field", equalTo("startsAt")).body("errors[0].code", equalTo("not-a-slot"));
        book(citizen, site, KTP, at(day, "12:00")).then().statusCode(400).body("errors[0].code", equalTo("not-a-slot"));
        book(citizen, site, KTP, at(day, "07:30")).then().statusCode(400).body("errors[0].code", equalTo("slot-past"));
        book(citizen, site, KTP, at(day, "09:00")).then().statusCode(400).body("errors[0].code", equalTo("slot-past"));
        book(citizen, site, KTP, at(BookingFixtures.workingDay(site, day.plusDays(40)), "09:00")).then()
                .statusCode(400).body("errors[0].code", equalTo("too-far-ahead"));
        book(citizen, site, KK, at(day, "10:00")).then().statusCode(400)
                .body("errors[0].field", equalTo("serviceCode")).body("errors[0].code", equalTo("not-bookable-here"));
        book(citizen, "NO-SUCH-SITE", KTP, at(day, "10:00")).then().statusCode(404);
        book(citizen, site, KTP, "besok jam sepuluh").then().statusCode(400);
        book(citizen, site, KTP, null).then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        book(citizen, site, "", at(day, "10:00")).then().statusCode(400);
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body("{\"serviceCode\": ")
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(400);
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(400);
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", "X".repeat(41), "startsAt", at(day, "10:00").toString()))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(400);

        // Bookings are the citizens' own: staff and devices take tickets instead.
        book(TestTokens.staff(Roles.COUNTER_STAFF, null, site), site, KTP, at(day, "10:00")).then().statusCode(403)
                .body("code", equalTo("booking-citizens-only"));
        book(QueueFixtures.device(Roles.KIOSK, site), site, KTP, at(day, "10:00")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("serviceCode", KTP, "startsAt", at(day, "10:00").toString()))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/me/bookings").then().statusCode(403);

        given().auth().oauth2(citizen).get("/api/v1/bookings/not-a-uuid").then().statusCode(404)
                .body("code", equalTo("booking-not-found"));
        given().auth().oauth2(citizen).get("/api/v1/bookings/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void parallelBookingsForTheLastPlacesNeverOverbook() throws Exception {
        int capacity = 3;
        int citizens = 24;
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, capacity, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        OffsetDateTime slot = at(day, "08:00");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            tokens.add(QueueFixtures.citizen());
        }
        ExecutorService threads = Executors.newFixedThreadPool(citizens);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String token : tokens) {
                Callable<Integer> booking = () -> {
                    start.await();
                    return book(token, site, KTP, slot).then().extract().statusCode();
                };
                results.add(threads.submit(booking));
            }
            start.countDown();
            int created = 0;
            int full = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                created += status == 201 ? 1 : 0;
                full += status == 409 ? 1 : 0;
            }
            assertEquals(capacity, created);
            assertEquals(citizens - capacity, full);
        } finally {
            threads.shutdownNow();
        }
        slots(site, KTP, day).then().body("slots[0].available", equalTo(0));
        assertEquals(capacity, count("select count(*) from queue_booking where site_code = $1 and status = 'BOOKED'",
                site));
        assertEquals(capacity, count("select booked from queue_slot where site_code = $1", site));
    }

    @Test
    void cancellingGivesThePlaceBackAndOnlyTheCitizenMayDoIt() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 1, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        String citizen = QueueFixtures.citizen();
        String id = book(citizen, site, KTP, at(day, "09:00")).then().statusCode(201).extract().path("id");
        book(QueueFixtures.citizen(), site, KTP, at(day, "09:00")).then().statusCode(409);

        String other = QueueFixtures.citizen();
        bookingAction(other, id, "cancel").then().statusCode(404).body("code", equalTo("booking-not-found"));
        given().auth().oauth2(other).get("/api/v1/bookings/" + id).then().statusCode(404);
        String staff = TestTokens.staff(Roles.OFFICER, null, site);
        given().auth().oauth2(staff).get("/api/v1/bookings/" + id).then().statusCode(200);
        bookingAction(staff, id, "cancel").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, null, "MPP-OTHER")).get("/api/v1/bookings/" + id)
                .then().statusCode(404);

        bookingAction(citizen, id, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        bookingAction(citizen, id, "cancel").then().statusCode(409).body("code", equalTo("booking-state"));
        slots(site, KTP, day).then().body("slots[2].available", equalTo(1));
        book(QueueFixtures.citizen(), site, KTP, at(day, "09:00")).then().statusCode(201);
        // A cancelled booking no longer counts as the day's one: the citizen may book again.
        String again = book(citizen, site, KTP, at(day, "09:30")).then().statusCode(201).extract().path("id");

        // Once the slot has started it can be neither cancelled nor moved.
        pin(at(day, "09:31"));
        bookingAction(citizen, again, "cancel").then().statusCode(409).body("code", equalTo("booking-started"));
        reschedule(citizen, again, at(day, "11:00")).then().statusCode(409).body("code", equalTo("booking-started"));
    }

    @Test
    void reschedulingToAFullSlotKeepsTheOldBooking() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 1, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        String citizen = QueueFixtures.citizen();
        var created = book(citizen, site, KTP, at(day, "08:00")).then().statusCode(201);
        String id = created.extract().path("id");
        String token = created.extract().path("qrToken");
        book(QueueFixtures.citizen(), site, KTP, at(day, "08:30")).then().statusCode(201);

        reschedule(citizen, id, at(day, "08:30")).then().statusCode(409).body("code", equalTo("slot-full"));
        given().auth().oauth2(citizen).get("/api/v1/bookings/" + id).then().statusCode(200)
                .body("status", equalTo("BOOKED")).body("startsAt", equalTo(iso(at(day, "08:00"))));
        slots(site, KTP, day).then().body("slots[0].available", equalTo(0)).body("slots[1].available", equalTo(0));

        reschedule(citizen, id, at(day, "09:10")).then().statusCode(400).body("errors[0].code", equalTo("not-a-slot"));
        reschedule(QueueFixtures.citizen(), id, at(day, "09:00")).then().statusCode(404);
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/bookings/" + id + "/reschedule").then().statusCode(400);
        reschedule(citizen, id, at(day, "08:00")).then().statusCode(200).body("startsAt",
                equalTo(iso(at(day, "08:00"))));

        reschedule(citizen, id, at(day, "09:00")).then().statusCode(200).body("status", equalTo("BOOKED"))
                .body("startsAt", equalTo(iso(at(day, "09:00")))).body("qrToken", nullValue());
        slots(site, KTP, day).then().body("slots[0].available", equalTo(1)).body("slots[2].available", equalTo(0));

        // To another day, where the citizen has no booking of the service yet.
        LocalDate next = BookingFixtures.workingDay(site, day.plusDays(1));
        reschedule(citizen, id, at(next, "10:00")).then().statusCode(200).body("date", equalTo(next.toString()));
        slots(site, KTP, day).then().body("slots[2].available", equalTo(1));
        // The QR token stays valid for the moved booking.
        assertEquals(1, count("select count(*) from queue_booking where id = $1::uuid and token_hash = $2", id,
                Digests.sha256Hex(token)));
        // A day that already holds the citizen's booking of the service is refused.
        String second = book(citizen, site, KTP, at(day, "11:00")).then().statusCode(201).extract().path("id");
        reschedule(citizen, second, at(next, "11:00")).then().statusCode(409).body("code", equalTo("booking-exists"));
        given().auth().oauth2(citizen).get("/api/v1/bookings/" + second).then()
                .body("startsAt", equalTo(iso(at(day, "11:00"))));
        slots(site, KTP, next).then().body("slots[6].available", equalTo(1));
    }

    private int count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next()
                .getInteger(0);
    }
}
