package id.satupintu.queue.booking;

import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.ticket.Channel;
import id.satupintu.queue.ticket.Ticket;
import id.satupintu.queue.ticket.TicketService;
import id.satupintu.platform.jobs.QueueClock;
import id.satupintu.catalog.Site;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.TimeZones;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.security.Caller;
import id.satupintu.identity.PasswordHasher;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appointment bookings (janji temu): weekly booking hours per site and service, the slots they make on
 * working days, and the citizens' bookings of them: book, cancel, reschedule, check in.
 * <p>
 * A slot's taken places are one counter row per slot, raised by a conditional update ({@code booked <
 * capacity}) that PostgreSQL re-checks under the row lock, so parallel bookings for the last places never
 * overbook. A reschedule takes the new place before it gives the old one back, in one transaction: a full
 * new slot leaves the booking untouched.
 */
@ApplicationScoped
public class BookingService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private static final String HOURS = "select weekday, opens, closes, slot_minutes, capacity "
            + "from queue_booking_hours where site_code = $1 and service_code = $2 order by weekday";

    private static final String TAKE_PLACE = "update queue_slot set booked = booked + 1 where site_code = $1 "
            + "and service_code = $2 and starts_at = $3 and booked < $4 returning booked";

    private static final String GIVE_BACK = "update queue_slot set booked = booked - 1 where site_code = $1 "
            + "and service_code = $2 and starts_at = $3 and booked > 0";

    /** Upcoming and recent bookings a citizen sees in their list. */
    private static final int MINE_LIMIT = 100;

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    TicketService tickets;

    @Inject
    EventLog events;

    @Inject
    InputValidator validator;

    @Inject
    QueueClock clock;

    @Inject
    BookingWindow window;

    @ConfigProperty(name = "satupintu.bookings.days-ahead", defaultValue = "30")
    int daysAhead;

    // --- booking hours ---------------------------------------------------------------------------

    public Uni<BookingSchedule> schedule(String siteCode, String serviceCode) {
        return sites.find(siteCode).flatMap(site -> hours(pool, siteCode, serviceCode)
                .map(days -> new BookingSchedule(site.code, serviceCode, site.timeZone, days)));
    }

    /** Replaces the week's booking hours; bookings already made keep their slots. */
    public Uni<BookingSchedule> replaceSchedule(Caller caller, String siteCode, String serviceCode,
                                                BookingScheduleInput input) {
        QueueAccess.requireSiteManager(caller, siteCode);
        InputValidator.failIfAny(validator.violations(input, "body"));
        InputValidator.failIfAny(scheduleErrors(input.days()));
        return sites.find(siteCode).flatMap(site -> pool.withTransaction(tx -> requireLane(tx, siteCode, serviceCode)
                .flatMap(ok -> tx.preparedQuery("delete from queue_booking_hours where site_code = $1 "
                        + "and service_code = $2").execute(Tuple.of(siteCode, serviceCode)))
                .flatMap(deleted -> input.days().isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into queue_booking_hours (site_code, service_code, weekday, opens, "
                                        + "closes, slot_minutes, capacity) values ($1, $2, $3, $4, $5, $6, $7)")
                                .executeBatch(input.days().stream().map(d -> Tuple.from(new Object[] {siteCode,
                                        serviceCode, d.day().getValue(), d.opens(), d.closes(), d.slotMinutes(),
                                        d.capacity()})).toList())
                                .replaceWithVoid())
                .flatMap(done -> hours(tx, siteCode, serviceCode))
                .map(days -> new BookingSchedule(site.code, serviceCode, site.timeZone, days))));
    }

    private static List<FieldError> scheduleErrors(List<BookingHours> days) {
        List<FieldError> errors = new ArrayList<>();
        Set<DayOfWeek> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            BookingHours day = days.get(i);
            if (!seen.add(day.day())) {
                errors.add(FieldError.of("days[" + i + "].day", "duplicate-day", day.day().name()));
            } else if (!day.opens().isBefore(day.closes())) {
                errors.add(FieldError.of("days[" + i + "].closes", "closes-before-opens"));
            } else if (!day.startsSlotAt(day.opens())) {
                errors.add(FieldError.of("days[" + i + "].slotMinutes", "slot-longer-than-hours"));
            }
        }
        return errors;
    }

    /** A booking becomes a ticket at check-in, so the service must have a lane at the site. */
    private static Uni<Void> requireLane(SqlClient tx, String siteCode, String serviceCode) {
        return tx.preparedQuery("select 1 from queue_lane where site_code = $1 and $2 = any(service_codes)")
                .execute(Tuple.of(siteCode, serviceCode))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.validation("serviceCode", "not-queued-here", serviceCode, siteCode);
                    }
                    return null;
                });
    }

    private static Uni<List<BookingHours>> hours(SqlClient client, String siteCode, String serviceCode) {
        return client.preparedQuery(HOURS).execute(Tuple.of(siteCode, serviceCode))
                .map(rows -> QueueAccess.all(rows, row -> new BookingHours(DayOfWeek.of(row.getInteger("weekday")),
                        row.getLocalTime("opens"), row.getLocalTime("closes"), row.getInteger("slot_minutes"),
                        row.getInteger("capacity"))));
    }

    // --- slots -----------------------------------------------------------------------------------

    /** The slots of a service at a site on a local date, with the places left; none on a non-working day. */
    public Uni<BookingDay> day(String siteCode, String serviceCode, LocalDate date) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw ProblemException.validation("service", "required");
        }
        if (date == null) {
            throw ProblemException.validation("date", "required");
        }
        return sites.find(siteCode).flatMap(site -> calendar.isWorkingDay(siteCode, date).flatMap(working -> {
            if (!working) {
                return Uni.createFrom().item(new BookingDay(site.code, serviceCode, date, site.timeZone, false,
                        List.of()));
            }
            return hours(pool, siteCode, serviceCode).flatMap(week -> pool.preparedQuery("select starts_at, booked "
                            + "from queue_slot where site_code = $1 and service_code = $2 and local_date = $3")
                    .execute(Tuple.of(siteCode, serviceCode, date))
                    .map(rows -> new BookingDay(site.code, serviceCode, date, site.timeZone, true,
                            slots(site, date, week, taken(rows)))));
        }));
    }

    private static Map<Instant, Integer> taken(Iterable<Row> rows) {
        Map<Instant, Integer> taken = new HashMap<>();
        rows.forEach(row -> taken.put(row.getOffsetDateTime("starts_at").toInstant(), row.getInteger("booked")));
        return taken;
    }

    private List<BookingSlot> slots(Site site, LocalDate date, List<BookingHours> week, Map<Instant, Integer> taken) {
        ZoneId zone = TimeZones.zone(site.timeZone);
        Instant now = clock.now();
        List<BookingSlot> slots = new ArrayList<>();
        for (BookingHours hours : week) {
            if (hours.day() != date.getDayOfWeek()) {
                continue;
            }
            for (LocalTime start = hours.opens(); hours.startsSlotAt(start); start = start.plusMinutes(hours.slotMinutes())) {
                ZonedDateTime starts = ZonedDateTime.of(date, start, zone);
                int left = starts.toInstant().isAfter(now)
                        ? Math.max(0, hours.capacity() - taken.getOrDefault(starts.toInstant(), 0)) : 0;
                slots.add(new BookingSlot(starts.toOffsetDateTime(),
                        starts.plusMinutes(hours.slotMinutes()).toOffsetDateTime(), hours.capacity(), left));
            }
        }
        return slots;
    }

    /** A slot a citizen asked for, checked against the hours, the calendar and the clock; times site-local. */
    private record Slot(String siteCode, String serviceCode, LocalDate date, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, int capacity) {
    }

    private Uni<Slot> slot(String siteCode, String serviceCode, OffsetDateTime startsAt) {
        return sites.find(siteCode).flatMap(site -> {
            ZoneId zone = TimeZones.zone(site.timeZone);
            ZonedDateTime local = startsAt.atZoneSameInstant(zone);
            Instant now = clock.now();
            if (!local.toInstant().isAfter(now)) {
                throw ProblemException.validation("startsAt", "slot-past");
            }
            if (local.toLocalDate().isAfter(LocalDate.ofInstant(now, zone).plusDays(daysAhead))) {
                throw ProblemException.validation("startsAt", "too-far-ahead", daysAhead);
            }
            return hours(pool, siteCode, serviceCode).flatMap(week -> {
                if (week.isEmpty()) {
                    throw ProblemException.validation("serviceCode", "not-bookable-here", serviceCode, siteCode);
                }
                BookingHours hours = week.stream().filter(h -> h.day() == local.getDayOfWeek()).findFirst()
                        .filter(h -> h.startsSlotAt(local.toLocalTime()))
                        .orElseThrow(() -> ProblemException.validation("startsAt", "not-a-slot"));
                return calendar.isWorkingDay(siteCode, local.toLocalDate()).map(working -> {
                    if (!working) {
                        throw ProblemException.validation("startsAt", "not-working-day", local.toLocalDate());
                    }
                    return new Slot(siteCode, serviceCode, local.toLocalDate(), local.toOffsetDateTime(),
                            local.plusMinutes(hours.slotMinutes()).toOffsetDateTime(), hours.capacity());
                });
            });
        });
    }

    /** Takes one place of the slot, or fails with 409 when none is left. */
    private static Uni<Void> takePlace(SqlClient tx, Slot slot) {
        return tx.preparedQuery("insert into queue_slot (site_code, service_code, starts_at, local_date) "
                        + "values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(slot.siteCode(), slot.serviceCode(), slot.startsAt(), slot.date()))
                .flatMap(made -> tx.preparedQuery(TAKE_PLACE).execute(Tuple.of(slot.siteCode(), slot.serviceCode(),
                        slot.startsAt(), slot.capacity())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.conflict("slot-full", slot.date() + " " + CLOCK.format(slot.startsAt()));
                    }
                    return null;
                });
    }

    private static Uni<Void> giveBack(SqlClient tx, Booking booking) {
        return tx.preparedQuery(GIVE_BACK).execute(Tuple.of(booking.siteCode(), booking.serviceCode(),
                booking.startsAt())).replaceWithVoid();
    }

    // --- bookings --------------------------------------------------------------------------------

    public Uni<BookingView> book(Caller caller, String siteCode, BookingRequest request) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "booking-citizens-only");
        }
        InputValidator.failIfAny(validator.violations(request, "body"));
        String token = newToken();
        return slot(siteCode, request.serviceCode(), request.startsAt())
                .flatMap(slot -> pool.withTransaction(tx -> takePlace(tx, slot)
                        .flatMap(ok -> tx.preparedQuery("insert into queue_booking (site_code, service_code, citizen_id, "
                                        + "local_date, starts_at, ends_at, status, token_hash) "
                                        + "values ($1, $2, $3, $4, $5, $6, 'BOOKED', $7) returning id")
                                .execute(Tuple.from(new Object[] {slot.siteCode(), slot.serviceCode(), caller.id(),
                                        slot.date(), slot.startsAt(), slot.endsAt(), PasswordHasher.sha256Hex(token)})))
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
            return giveBack(tx, booking)
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
            return slot(found.siteCode(), found.serviceCode(), request.startsAt())
                    .flatMap(slot -> pool.withTransaction(tx -> load(tx, bookingId, true).flatMap(booking -> {
                        // Checked again under the lock: a cancel or check-in may have come in between.
                        requireChangeable(booking);
                        return takePlace(tx, slot)
                                .flatMap(ok -> giveBack(tx, booking))
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

    // --- check-in --------------------------------------------------------------------------------

    /** The citizen checks in with their phone near the window. */
    public Uni<Ticket> checkIn(Caller caller, String id) {
        UUID bookingId = QueueAccess.parseId("booking", id);
        return pool.withTransaction(tx -> load(tx, bookingId, true)
                .flatMap(booking -> checkIn(tx, requireOwner(caller, booking), caller)));
    }

    /** A kiosk of the site scans the citizen's QR code. */
    public Uni<Ticket> checkInAtKiosk(Caller caller, String siteCode, CheckInRequest request) {
        if (!caller.client() || !caller.hasRole(Roles.KIOSK) || !siteCode.equals(caller.siteCode())) {
            throw new ProblemException(403, "channel-not-allowed", Channel.BOOKING.name());
        }
        InputValidator.failIfAny(validator.violations(request, "body"));
        return pool.withTransaction(tx -> tx.preparedQuery(Booking.SELECT + "where b.token_hash = $1 for update of b")
                .execute(Tuple.of(PasswordHasher.sha256Hex(request.token())))
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
            throw ProblemException.conflict("check-in-too-early", CLOCK.format(booking.local(window.opens(booking))));
        }
        if (now.isAfter(window.closes(booking).toInstant())) {
            throw ProblemException.conflict("check-in-too-late", CLOCK.format(booking.local(window.closes(booking))));
        }
        return tickets.issueBooked(tx, booking.siteCode(), booking.serviceCode(), booking.date(), booking.citizenId(),
                        caller.id(), booking.startsAt())
                .call(ticket -> tx.preparedQuery("update queue_booking set status = 'CHECKED_IN', ticket_id = $2, "
                                + "checked_in_at = $3, updated_at = now() where id = $1")
                        .execute(Tuple.of(booking.id(), ticket.id(), now.atOffset(ZoneOffset.UTC)))
                        .flatMap(done -> load(tx, booking.id(), false))
                        .flatMap(checkedIn -> publish(tx, checkedIn, "booking.checked-in")));
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
    private static Booking requireOwner(Caller caller, Booking booking) {
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
            throw ProblemException.conflict("booking-started", CLOCK.format(booking.local(booking.startsAt())));
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
