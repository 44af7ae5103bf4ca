package id.satupintu.queue.booking;

import id.satupintu.platform.security.Digests;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.ticket.Channel;
import id.satupintu.queue.ticket.Ticket;
import id.satupintu.queue.ticket.TicketService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Checking a booking in, by the citizen's phone or a kiosk reading its QR code, within the booking's
 * check-in window: it becomes a ticket in the queue.
 */
@ApplicationScoped
class BookingCheckIn {

    @Inject
    Pool pool;

    @Inject
    BookingService bookings;

    @Inject
    TicketService tickets;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    BookingWindow window;

    /** The citizen checks in with their phone near the window. */
    public Uni<Ticket> checkIn(Caller caller, String id) {
        UUID bookingId = QueueAccess.parseId("booking", id);
        return pool.withTransaction(tx -> BookingService.load(tx, bookingId, true)
                .flatMap(booking -> checkIn(tx, BookingService.requireOwner(caller, booking), caller)));
    }

    /** A kiosk of the site scans the citizen's QR code. */
    public Uni<Ticket> checkInAtKiosk(Caller caller, String siteCode, CheckInRequest request) {
        if (!caller.client() || !caller.hasRole(Roles.KIOSK) || !siteCode.equals(caller.siteCode())) {
            throw new ProblemException(403, "channel-not-allowed", Channel.BOOKING.name());
        }
        InputValidator.failIfAny(validator.violations(request, "body"));
        return pool.withTransaction(tx -> tx.preparedQuery(Booking.SELECT + "where b.token_hash = $1 for update of b")
                .execute(Tuple.of(Digests.sha256Hex(request.token())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new ProblemException(404, "booking-token-unknown");
                    }
                    Booking booking = Booking.of(rows.iterator().next());
                    if (!booking.siteCode().equals(siteCode)) {
                        throw ProblemException.conflict("booking-other-site", booking.siteCode());
                    }
                    return booking;
                })
                .flatMap(booking -> checkIn(tx, booking, caller)));
    }

    /** Puts the booked citizen in the queue: a BOOKING ticket in the service's lane, carrying the slot time. */
    private Uni<Ticket> checkIn(SqlClient tx, Booking booking, Caller caller) {
        if (booking.status() != BookingStatus.BOOKED) {
            throw ProblemException.conflict("booking-state", booking.status().name());
        }
        Instant now = clock.now();
        if (now.isBefore(window.opens(booking).toInstant())) {
            throw ProblemException.conflict("check-in-too-early",
                    Booking.CLOCK.format(booking.local(window.opens(booking))));
        }
        if (now.isAfter(window.closes(booking).toInstant())) {
            throw ProblemException.conflict("check-in-too-late",
                    Booking.CLOCK.format(booking.local(window.closes(booking))));
        }
        return tickets.issueBooked(tx, caller, booking.siteCode(), booking.serviceCode(), booking.date(),
                        booking.citizenId(), booking.startsAt())
                .call(ticket -> tx.preparedQuery("update queue_booking set status = 'CHECKED_IN', ticket_id = $2, "
                                + "checked_in_at = $3, updated_at = now() where id = $1")
                        .execute(Tuple.of(booking.id(), ticket.id(), now.atOffset(ZoneOffset.UTC)))
                        .flatMap(done -> BookingService.load(tx, booking.id(), false))
                        .flatMap(checkedIn -> bookings.publish(tx, checkedIn, "booking.checked-in")));
    }
}
