package id.satupintu.queue.booking;

import id.satupintu.platform.security.Digests;
import id.satupintu.queue.QueueAccess;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Appointment bookings (janji temu): citizens book a slot of a service at a site, see their bookings,
 * cancel and reschedule them until the slot starts. Booking hours and slots are {@link BookingSlots};
 * checking in is {@link BookingCheckIn}.
 * <p>
 * A reschedule takes the new place before it gives the old one back, in one transaction: a full new slot
 * leaves the booking untouched. Both first pass {@link BookingLimits}, the citizen's own limits.
 */
@ApplicationScoped
class BookingService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Upcoming and recent bookings a citizen sees in their list. */
    private static final int MINE_LIMIT = 100;

    @Inject
    Pool pool;

    @Inject
    EventLog events;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    BookingWindow window;

    @Inject
    BookingSlots slots;

    @Inject
    BookingLimits limits;

    public Uni<BookingView> book(Caller caller, String siteCode, BookingRequest request) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "booking-citizens-only");
        }
        InputValidator.failIfAny(validator.violations(request, "body"));
        String token = newToken();
        return slots.slot(siteCode, request.serviceCode(), request.startsAt())
                .flatMap(slot -> pool.withTransaction(tx -> limits.check(tx, caller.id(), null, slot.startsAt().getOffset())
                        .flatMap(allowed -> BookingSlots.takePlace(tx, slot))
                        .flatMap(ok -> tx.preparedQuery("insert into queue_booking (site_code, service_code, citizen_id, "
                                        + "local_date, starts_at, ends_at, status, token_hash) "
                                        + "values ($1, $2, $3, $4, $5, $6, 'BOOKED', $7) returning id")
                                .execute(Tuple.from(new Object[] {slot.siteCode(), slot.serviceCode(), caller.id(),
                                        slot.date(), slot.startsAt(), slot.endsAt(), Digests.sha256Hex(token)})))
                        .flatMap(rows -> load(tx, rows.iterator().next().getUUID("id"), false))
                        .call(booking -> publish(tx, booking, "booking.booked"))))
                .onFailure(failure -> QueueAccess.violates(failure, "queue_booking_one_active"))
                .transform(failure -> ProblemException.conflict("booking-exists", request.serviceCode()))
                .map(booking -> BookingView.of(booking, window, token));
    }

    public Uni<BookingView> view(Caller caller, String id) {
        return load(pool, QueueAccess.parseId("booking", id), false)
                .map(booking -> BookingView.of(requireReader(caller, booking), window, null));
    }

    /** The citizen's bookings from the last 30 days on, soonest slot first. */
    public Uni<List<BookingView>> mine(Caller caller) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "booking-citizens-only");
        }
        return pool.preparedQuery(Booking.SELECT + "where b.citizen_id = $1 and b.starts_at >= $2 "
                        + "order by b.starts_at, b.id limit " + MINE_LIMIT)
                .execute(Tuple.of(caller.id(), clock.now().atOffset(ZoneOffset.UTC).minusDays(30)))
                .map(rows -> QueueAccess.all(rows, row -> BookingView.of(Booking.of(row), window, null)));
    }

    /** Gives the place back; only before the slot starts. */
    public Uni<BookingView> cancel(Caller caller, String id) {
        UUID bookingId = QueueAccess.parseId("booking", id);
        return pool.withTransaction(tx -> load(tx, bookingId, true).flatMap(booking -> {
            requireChangeable(requireOwner(caller, booking));
            return BookingSlots.giveBack(tx, booking)
                    .flatMap(ok -> tx.preparedQuery("update queue_booking set status = 'CANCELLED', updated_at = now() "
                            + "where id = $1").execute(Tuple.of(bookingId)))
                    .flatMap(done -> load(tx, bookingId, false))
                    .call(cancelled -> publish(tx, cancelled, "booking.cancelled"));
        })).map(booking -> BookingView.of(booking, window, null));
    }

    /**
     * Moves the booking to another slot of its service and site. The new place is taken first: when the
     * new slot is full (or the citizen already has a booking that day) nothing changes. The QR token stays.
     */
    public Uni<BookingView> reschedule(Caller caller, String id, RescheduleRequest request) {
        UUID bookingId = QueueAccess.parseId("booking", id);
        InputValidator.failIfAny(validator.violations(request, "body"));
        return load(pool, bookingId, false).flatMap(found -> {
            requireChangeable(requireOwner(caller, found));
            if (found.startsAt().toInstant().equals(request.startsAt().toInstant())) {
                return Uni.createFrom().item(found);
            }
            return slots.slot(found.siteCode(), found.serviceCode(), request.startsAt())
                    .flatMap(slot -> pool.withTransaction(tx -> limits.check(tx, found.citizenId(), bookingId,
                                    slot.startsAt().getOffset())
                            .flatMap(allowed -> load(tx, bookingId, true)).flatMap(booking -> {
                        // Checked again under the lock: a cancel or check-in may have come in between.
                        requireChangeable(booking);
                        return BookingSlots.takePlace(tx, slot)
                                .flatMap(ok -> BookingSlots.giveBack(tx, booking))
                                .flatMap(ok -> tx.preparedQuery("update queue_booking set local_date = $2, starts_at = $3, "
                                                + "ends_at = $4, updated_at = now() where id = $1")
                                        .execute(Tuple.of(bookingId, slot.date(), slot.startsAt(), slot.endsAt())))
                                .flatMap(done -> load(tx, bookingId, false))
                                .call(moved -> publish(tx, moved, "booking.rescheduled"));
                    })))
                    .onFailure(failure -> QueueAccess.violates(failure, "queue_booking_one_active"))
                    .transform(failure -> ProblemException.conflict("booking-exists", found.serviceCode()));
        }).map(booking -> BookingView.of(booking, window, null));
    }

    // --- helpers ---------------------------------------------------------------------------------

    static Uni<Booking> load(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(Booking.SELECT + "where b.id = $1" + (lock ? " for update of b" : ""))
                .execute(Tuple.of(id))
                .map(rows -> QueueAccess.first(rows, Booking::of, "booking", id));
    }

    /** The citizen who booked, and the site's staff, may read a booking; to anyone else it does not exist. */
    private static Booking requireReader(Caller caller, Booking booking) {
        if (!caller.id().equals(booking.citizenId()) && !QueueAccess.isStaffOf(caller, booking.siteCode())) {
            throw ProblemException.notFound("booking", booking.id());
        }
        return booking;
    }

    /** Only the citizen who booked changes or checks in their booking. */
    static Booking requireOwner(Caller caller, Booking booking) {
        requireReader(caller, booking);
        if (!caller.id().equals(booking.citizenId())) {
            throw ProblemException.forbidden();
        }
        return booking;
    }

    private void requireChangeable(Booking booking) {
        if (booking.status() != BookingStatus.BOOKED) {
            throw ProblemException.conflict("booking-state", booking.status().name());
        }
        if (!booking.startsAt().toInstant().isAfter(clock.now())) {
            throw ProblemException.conflict("booking-started",
                    Booking.CLOCK.format(booking.local(booking.startsAt())));
        }
    }

    Uni<Void> publish(SqlClient tx, Booking booking, String type) {
        return events.append(tx, "booking:" + booking.id(), type, booking.eventPayload()).replaceWithVoid();
    }

    /** 256 random bits for the QR code; only its SHA-256 is stored. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
