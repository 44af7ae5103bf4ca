package id.satupintu.queue.booking;

import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.booking.BookingFixtures.at;
import static id.satupintu.queue.booking.BookingFixtures.iso;
import static id.satupintu.queue.booking.BookingFixtures.bookingDay;
import static id.satupintu.queue.booking.BookingFixtures.pin;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.graphql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingGraphQLTest {

    private static final String VIEW = "{ id status startsAt checkInFrom qrToken ticketNumber }";

    @Test
    void setHoursBookMoveCancelAndCheckInThroughGraphQL() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        LocalDate day = bookingDay(site);
        PinnedClock clock = pin(at(day, "07:00"));

        graphql(TestTokens.admin(), "mutation($site: String!, $service: String!) { setBookingHours(site: $site, "
                + "service: $service, input: {days: [{day: \"" + day.getDayOfWeek() + "\", opens: \"08:00\", "
                + "closes: \"10:00\", slotMinutes: 60, capacity: 1}]}) { timeZone days { day opens slotMinutes } } }",
                Map.of("site", site, "service", KTP))
                .body("errors", nullValue()).body("data.setBookingHours.days", hasSize(1))
                .body("data.setBookingHours.days[0].slotMinutes", equalTo(60));
        graphql(TestTokens.staff(Roles.SUPERVISOR, null, "ELSEWHERE"), "mutation($site: String!) { setBookingHours("
                + "site: $site, service: \"" + KTP + "\", input: {days: []}) { timeZone } }", Map.of("site", site))
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(null, "query($site: String!, $date: Date!) { bookingSlots(site: $site, service: \"" + KTP + "\", "
                + "date: $date) { workingDay slots { startsAt available } } }", Map.of("site", site, "date",
                day.toString()))
                .body("errors", nullValue()).body("data.bookingSlots.workingDay", equalTo(true))
                .body("data.bookingSlots.slots", hasSize(2))
                .body("data.bookingSlots.slots[0].available", equalTo(1));

        String citizen = QueueFixtures.citizen();
        String book = "mutation($site: String!, $at: DateTime!) { bookSlot(site: $site, input: {serviceCode: \""
                + KTP + "\", startsAt: $at}) " + VIEW + " }";
        String id = graphql(citizen, book, Map.of("site", site, "at", at(day, "08:00").toString()))
                .body("errors", nullValue()).body("data.bookSlot.status", equalTo("BOOKED"))
                .body("data.bookSlot.qrToken", notNullValue()).extract().path("data.bookSlot.id");
        graphql(QueueFixtures.citizen(), book, Map.of("site", site, "at", at(day, "08:00").toString()))
                .body("errors[0].extensions.code", equalTo("slot-full")).body("data.bookSlot", nullValue());
        String other = QueueFixtures.citizen();
        graphql(other, book, Map.of("site", site, "at", at(day, "09:00").toString())).body("errors", nullValue());

        String move = "mutation($id: String!, $at: DateTime!) { rescheduleBooking(id: $id, input: {startsAt: $at}) "
                + VIEW + " }";
        graphql(citizen, move, Map.of("id", id, "at", at(day, "09:00").toString()))
                .body("errors[0].extensions.code", equalTo("slot-full"));
        graphql(citizen, "query($id: String!) { booking(id: $id) " + VIEW + " }", Map.of("id", id))
                .body("data.booking.startsAt", equalTo(iso(at(day, "08:00"))))
                .body("data.booking.qrToken", nullValue());
        graphql(other, "query($id: String!) { booking(id: $id) { id } }", Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("booking-not-found"));
        graphql(citizen, "{ myBookings { id status } }", Map.of()).body("data.myBookings", hasSize(1))
                .body("data.myBookings[0].id", equalTo(id));

        clock.set(at(day, "07:20").toInstant());
        graphql(citizen, "mutation($id: String!) { checkInBooking(id: $id) { number channel } }", Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("check-in-too-early"));
        clock.set(at(day, "07:45").toInstant());
        graphql(citizen, "mutation($id: String!) { checkInBooking(id: $id) { number channel bookedFor } }",
                Map.of("id", id))
                .body("errors", nullValue()).body("data.checkInBooking.channel", equalTo("BOOKING"))
                .body("data.checkInBooking.number", equalTo("A-001"));
        graphql(citizen, "query($id: String!) { booking(id: $id) " + VIEW + " }", Map.of("id", id))
                .body("data.booking.status", equalTo("CHECKED_IN")).body("data.booking.ticketNumber", equalTo("A-001"));

        String otherId = graphql(other, "{ myBookings { id } }", Map.of()).extract().path("data.myBookings[0].id");
        graphql(other, "mutation($id: String!) { cancelBooking(id: $id) { status } }", Map.of("id", otherId))
                .body("errors", nullValue()).body("data.cancelBooking.status", equalTo("CANCELLED"));
        graphql(TestTokens.admin(), "query($site: String!) { bookingHours(site: $site, service: \"" + KTP + "\") "
                + "{ days { day capacity } } }", Map.of("site", site))
                .body("data.bookingHours.days", hasSize(1)).body("data.bookingHours.days[0].capacity", equalTo(1));
    }

    @Test
    void aKioskChecksInThroughGraphQL() {
        String site = BookingFixtures.bookableSite(KTP, 2);
        LocalDate day = bookingDay(site);
        pin(at(day, "09:45"));
        String token = BookingFixtures.book(QueueFixtures.citizen(), site, KTP, at(day, "10:00")).then().statusCode(201)
                .extract().path("qrToken");
        String mutation = "mutation($site: String!, $token: String!) { checkInBookingAtKiosk(site: $site, "
                + "input: {token: $token}) { number channel } }";
        graphql(QueueFixtures.device(Roles.KIOSK, site), mutation, Map.of("site", site, "token", "salah"))
                .body("errors[0].extensions.code", equalTo("booking-token-unknown"));
        graphql(QueueFixtures.device(Roles.KIOSK, QueueFixtures.openSite()), mutation, Map.of("site", site,
                "token", token)).body("errors[0].extensions.code", equalTo("channel-not-allowed"));
        graphql(QueueFixtures.device(Roles.KIOSK, site), mutation, Map.of("site", site, "token", token))
                .body("errors", nullValue()).body("data.checkInBookingAtKiosk.number", equalTo("A-001"));
    }
}
