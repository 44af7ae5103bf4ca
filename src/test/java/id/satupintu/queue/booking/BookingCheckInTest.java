package id.satupintu.queue.booking;

import id.satupintu.queue.Sse;
import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.booking.BookingFixtures.at;
import static id.satupintu.queue.booking.BookingFixtures.iso;
import static id.satupintu.queue.booking.BookingFixtures.book;
import static id.satupintu.queue.booking.BookingFixtures.bookingAction;
import static id.satupintu.queue.booking.BookingFixtures.bookingDay;
import static id.satupintu.queue.booking.BookingFixtures.kioskCheckIn;
import static id.satupintu.queue.booking.BookingFixtures.pin;
import static id.satupintu.queue.booking.BookingFixtures.slots;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.PinnedClock;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingCheckInTest {

    @Inject
    BookingNoShows noShows;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    /** A booked 10:00 slot on a working day; the clock at 07:00 that day. */
    record Booked(String site, LocalDate day, String citizen, String id, String token, PinnedClock clock) {
    }

    private static Booked booked(int capacity) {
        String site = BookingFixtures.bookableSite(KTP, capacity);
        LocalDate day = bookingDay(site);
        PinnedClock clock = pin(at(day, "07:00"));
        String citizen = QueueFixtures.citizen();
        ValidatableResponse created = book(citizen, site, KTP, at(day, "10:00")).then().statusCode(201);
        return new Booked(site, day, citizen, created.extract().path("id"), created.extract().path("qrToken"), clock);
    }

    @Test
    void theCitizenChecksInByPhoneOnlyWithinTheWindow() throws Exception {
        Booked b = booked(2);
        // Check-in opens 30 minutes before the slot and closes 15 minutes after its start.
        b.clock().set(at(b.day(), "09:29").toInstant());
        bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(409)
                .body("code", equalTo("check-in-too-early")).body("detail", containsString("09:30"));
        bookingAction(QueueFixtures.citizen(), b.id(), "check-in").then().statusCode(404);
        bookingAction(TestTokens.staff(Roles.COUNTER_STAFF, null, b.site()), b.id(), "check-in").then()
                .statusCode(403);
        bookingAction(b.citizen(), "not-a-uuid", "check-in").then().statusCode(404);

        b.clock().set(at(b.day(), "09:40").toInstant());
        try (Sse events = Sse.open(base, "api/v1/bookings/" + b.id() + "/events", b.citizen(), null)) {
            String ticket = bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(201)
                    .header("Location", containsString("/api/v1/tickets/"))
                    .body("channel", equalTo("BOOKING")).body("number", equalTo("A-001"))
                    .body("status", equalTo("WAITING")).body("bookedFor", equalTo(utc(at(b.day(), "10:00"))))
                    .body("position", equalTo(1)).extract().path("id");
            assertEquals("BOOKED", events.next("booking.booked").getString("status"));
            JsonObject checkedIn = events.next("booking.checked-in");
            assertEquals(ticket, checkedIn.getString("ticketId"));
            assertEquals("A-001", checkedIn.getString("ticketNumber"));
            assertFalse(checkedIn.containsKey("citizenId"));

            given().auth().oauth2(b.citizen()).get("/api/v1/bookings/" + b.id()).then().statusCode(200)
                    .body("status", equalTo("CHECKED_IN")).body("ticketId", equalTo(ticket))
                    .body("ticketNumber", equalTo("A-001"));
            // The citizen holds the ticket and follows it like any other.
            given().auth().oauth2(b.citizen()).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                    .body("channel", equalTo("BOOKING"));
            assertEquals(1, count("select count(*) from event where stream = $1 and type = 'ticket.issued'",
                    "ticket:" + ticket));
        }
        bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(409).body("code", equalTo("booking-state"));
        bookingAction(b.citizen(), b.id(), "cancel").then().statusCode(409).body("code", equalTo("booking-state"));
        kioskCheckIn(QueueFixtures.device(Roles.KIOSK, b.site()), b.site(), b.token()).then().statusCode(409)
                .body("code", equalTo("booking-state"));

        // Another citizen's booking: past the grace end it is too late.
        String late = QueueFixtures.citizen();
        String lateId = book(late, b.site(), KTP, at(b.day(), "10:30")).then().statusCode(201).extract().path("id");
        b.clock().set(at(b.day(), "10:45:01").toInstant());
        given().auth().oauth2(late).header("Accept-Language", "en").post("/api/v1/bookings/" + lateId + "/check-in")
                .then().statusCode(409).body("code", equalTo("check-in-too-late"))
                .body("detail", containsString("closed at 10:45"));
        b.clock().set(at(b.day(), "10:45").toInstant());
        bookingAction(late, lateId, "check-in").then().statusCode(201).body("number", equalTo("A-002"));
        // Other streams are not the caller's to follow.
        assertEquals(404, Sse.status(base, "api/v1/bookings/" + b.id() + "/events", late));
    }

    @Test
    void aKioskOfTheSiteChecksInByQrToken() {
        Booked b = booked(2);
        b.clock().set(at(b.day(), "09:55").toInstant());
        String kiosk = QueueFixtures.device(Roles.KIOSK, b.site());
        String otherSite = QueueFixtures.openSite();
        String otherKiosk = QueueFixtures.device(Roles.KIOSK, otherSite);

        kioskCheckIn(kiosk, b.site(), "not-a-token").then().statusCode(404).body("code", equalTo("booking-token-unknown"));
        kioskCheckIn(kiosk, b.site(), "").then().statusCode(400);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(Map.of("token", Map.of("qr", "x")))
                .post("/api/v1/sites/" + b.site() + "/bookings/check-in").then().statusCode(400);
        // A kiosk checks in only at its own site, and only bookings for that site.
        kioskCheckIn(otherKiosk, b.site(), b.token()).then().statusCode(403);
        kioskCheckIn(otherKiosk, otherSite, b.token()).then().statusCode(409).body("code", equalTo("booking-other-site"))
                .body("detail", containsString(b.site()));
        kioskCheckIn(b.citizen(), b.site(), b.token()).then().statusCode(403);
        kioskCheckIn(QueueFixtures.device(Roles.DRIVE_THRU, b.site()), b.site(), b.token()).then().statusCode(403);
        kioskCheckIn(TestTokens.staff(Roles.COUNTER_STAFF, null, b.site()), b.site(), b.token()).then().statusCode(403);
        // A kiosk of the site bound to another agency does not check in a Disdukcapil booking.
        kioskCheckIn(QueueFixtures.device(Roles.KIOSK, "SAMSAT-BDG", b.site()), b.site(), b.token()).then()
                .statusCode(403).body("code", equalTo("client-binding-excludes"));

        String ticket = kioskCheckIn(kiosk, b.site(), b.token()).then().statusCode(201)
                .body("channel", equalTo("BOOKING")).body("number", equalTo("A-001"))
                .body("bookedFor", equalTo(utc(at(b.day(), "10:00")))).extract().path("id");
        given().auth().oauth2(b.citizen()).get("/api/v1/tickets/" + ticket).then().statusCode(200);
        kioskCheckIn(kiosk, b.site(), b.token()).then().statusCode(409).body("code", equalTo("booking-state"));
    }

    @Test
    void bookingsNotCheckedInByTheGraceEndBecomeNoShowsWithoutFreeingTheSlot() {
        Booked b = booked(1);
        String checkedIn = QueueFixtures.citizen();
        String checkedInId = book(checkedIn, b.site(), KTP, at(b.day(), "10:30")).then().statusCode(201)
                .extract().path("id");
        String cancelled = QueueFixtures.citizen();
        String cancelledId = book(cancelled, b.site(), KTP, at(b.day(), "11:00")).then().statusCode(201)
                .extract().path("id");
        bookingAction(cancelled, cancelledId, "cancel").then().statusCode(200);
        b.clock().set(at(b.day(), "10:10").toInstant());
        bookingAction(checkedIn, checkedInId, "check-in").then().statusCode(201);

        OffsetDateTime slot = at(b.day(), "10:00");
        // The job marks every overdue booking in the database; this test looks at its own.
        noShows.run(slot.plusMinutes(15).toInstant()).await().indefinitely();
        given().auth().oauth2(b.citizen()).get("/api/v1/bookings/" + b.id()).then().body("status", equalTo("BOOKED"));
        int marked = noShows.run(slot.plusMinutes(15).plusSeconds(1).toInstant()).await().indefinitely();
        given().auth().oauth2(b.citizen()).get("/api/v1/bookings/" + b.id()).then().body("status", equalTo("NO_SHOW"));
        assertTrue(marked >= 1);
        // Run again (as another replica would): told once; the checked-in and cancelled ones stay.
        noShows.run(at(b.day(), "23:00").toInstant()).await().indefinitely();
        given().auth().oauth2(checkedIn).get("/api/v1/bookings/" + checkedInId).then()
                .body("status", equalTo("CHECKED_IN"));
        given().auth().oauth2(cancelled).get("/api/v1/bookings/" + cancelledId).then()
                .body("status", equalTo("CANCELLED"));
        assertEquals(1, count("select count(*) from event where stream = $1 and type = 'booking.no-show'",
                "booking:" + b.id()));
        assertEquals(0, count("select count(*) from event where stream = $1 and type = 'booking.no-show'",
                "booking:" + checkedInId));
        // The place is not given back: the slot is over.
        assertEquals(1, count("select booked from queue_slot where site_code = $1 and starts_at = $2", b.site(), slot));
        b.clock().set(at(b.day(), "10:20").toInstant());
        bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(409).body("code", equalTo("booking-state"));
        // A no-show no longer holds the day: the citizen may book a later slot.
        book(b.citizen(), b.site(), KTP, at(b.day(), "11:30")).then().statusCode(201);
    }

    @Test
    void callNextServesBookedTicketsWhoseTimeHasComeFirst() {
        Booked b = booked(2);
        OpenCounter counter = QueueFixtures.openCounter(b.site(), 1, "A");
        String regular = kioskTicket(b.site(), KTP, null);
        String elderly = kioskTicket(b.site(), KTP, "ELDERLY");
        b.clock().set(at(b.day(), "09:45").toInstant());
        String bookedTicket = bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(201)
                .extract().path("id");
        String later = kioskTicket(b.site(), KTP, null);

        // 09:50: the booked ticket's time has not come; it waits like a regular one, by its check-in time.
        b.clock().set(at(b.day(), "09:50").toInstant());
        List<String> called = new java.util.ArrayList<>();
        called.add(callAndFinish(counter));
        // 10:00: the booked citizen goes before everyone else waiting.
        b.clock().set(at(b.day(), "10:00").toInstant());
        called.add(callAndFinish(counter));
        called.add(callAndFinish(counter));
        called.add(callAndFinish(counter));
        assertEquals(List.of(elderly, bookedTicket, regular, later), called);
        callNext(counter).then().statusCode(204);
    }

    @Test
    void aBookedCallLeavesThePriorityShareAsItWas() {
        Booked b = booked(2);
        OpenCounter counter = QueueFixtures.openCounter(b.site(), 1, "A");
        String regular = kioskTicket(b.site(), KTP, null);
        List<String> priority = List.of(kioskTicket(b.site(), KTP, "ELDERLY"), kioskTicket(b.site(), KTP, "PREGNANT"),
                kioskTicket(b.site(), KTP, "DISABILITY"), kioskTicket(b.site(), KTP, "WITH_CHILDREN"));
        b.clock().set(at(b.day(), "10:00").toInstant());
        String bookedTicket = bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(201)
                .extract().path("id");
        List<String> called = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            called.add(callAndFinish(counter));
        }
        // Booked first; then three priority in a row (max-priority-in-row), the regular one, the last priority.
        assertEquals(List.of(bookedTicket, priority.get(0), priority.get(1), priority.get(2), regular, priority.get(3)),
                called);
    }

    private static String callAndFinish(OpenCounter counter) {
        String id = callNext(counter).then().statusCode(200).body("id", notNullValue()).extract().path("id");
        QueueFixtures.act(counter, id, "start").then().statusCode(200);
        QueueFixtures.act(counter, id, "finish").then().statusCode(200);
        return id;
    }

    @Test
    void aCitizenWithAnActiveTicketForTheServiceCannotCheckInAnother() {
        Booked b = booked(2);
        QueueFixtures.issue(b.site(), b.citizen(), "PHONE", KTP, null).then().statusCode(201);
        b.clock().set(at(b.day(), "09:50").toInstant());
        bookingAction(b.citizen(), b.id(), "check-in").then().statusCode(409)
                .body("code", equalTo("active-ticket-exists"));
        given().auth().oauth2(b.citizen()).get("/api/v1/bookings/" + b.id()).then().body("status", equalTo("BOOKED"));
        slots(b.site(), KTP, b.day()).then().statusCode(200);
        // Nobody may ask for a BOOKING ticket directly.
        QueueFixtures.issue(b.site(), QueueFixtures.citizen(), "BOOKING", KTP, null).then().statusCode(403)
                .body("code", equalTo("channel-not-allowed"));
    }

    /** Ticket times come from the database in UTC. */
    private static String utc(OffsetDateTime at) {
        return iso(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private int count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next()
                .getInteger(0);
    }
}
