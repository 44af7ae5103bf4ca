package id.satupintu.queue.booking;

import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.QueueConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Booking hours and the slots they make: the weekly hours per site and service (janji temu), the slots
 * on working days with the places left, and the places a booking takes and gives back.
 * <p>
 * A slot's taken places are one counter row per slot, raised by a conditional update ({@code booked <
 * capacity}) that PostgreSQL re-checks under the row lock, so parallel bookings for the last places never
 * overbook.
 */
@ApplicationScoped
class BookingSlots {

    private static final String HOURS = "select weekday, opens, closes, slot_minutes, capacity "
            + "from queue_booking_hours where site_code = $1 and service_code = $2 order by weekday";

    private static final String TAKE_PLACE = "update queue_slot set booked = booked + 1 where site_code = $1 "
            + "and service_code = $2 and starts_at = $3 and booked < $4 returning booked";

    private static final String GIVE_BACK = "update queue_slot set booked = booked - 1 where site_code = $1 "
            + "and service_code = $2 and starts_at = $3 and booked > 0";

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    QueueConfig config;

    // --- booking hours ---------------------------------------------------------------------------

    public Uni<BookingSchedule> schedule(String siteCode, String serviceCode) {
        return sites.find(siteCode).flatMap(site -> hours(pool, siteCode, serviceCode)
                .map(days -> new BookingSchedule(site.code(), serviceCode, site.timeZone(), days)));
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
                .map(days -> new BookingSchedule(site.code(), serviceCode, site.timeZone(), days))));
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
                return Uni.createFrom().item(new BookingDay(site.code(), serviceCode, date, site.timeZone(), false,
                        List.of()));
            }
            return hours(pool, siteCode, serviceCode).flatMap(week -> pool.preparedQuery("select starts_at, booked "
                            + "from queue_slot where site_code = $1 and service_code = $2 and local_date = $3")
                    .execute(Tuple.of(siteCode, serviceCode, date))
                    .map(rows -> new BookingDay(site.code(), serviceCode, date, site.timeZone(), true,
                            slots(site, date, week, taken(rows)))));
        }));
    }

    private static Map<Instant, Integer> taken(Iterable<Row> rows) {
        Map<Instant, Integer> taken = new HashMap<>();
        rows.forEach(row -> taken.put(row.getOffsetDateTime("starts_at").toInstant(), row.getInteger("booked")));
        return taken;
    }

    private List<BookingSlot> slots(SiteProfile site, LocalDate date, List<BookingHours> week, Map<Instant, Integer> taken) {
        ZoneId zone = site.zone();
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
    record Slot(String siteCode, String serviceCode, LocalDate date, OffsetDateTime startsAt,
                OffsetDateTime endsAt, int capacity) {
    }

    Uni<Slot> slot(String siteCode, String serviceCode, OffsetDateTime startsAt) {
        return sites.find(siteCode).flatMap(site -> {
            ZoneId zone = site.zone();
            ZonedDateTime local = startsAt.atZoneSameInstant(zone);
            Instant now = clock.now();
            if (!local.toInstant().isAfter(now)) {
                throw ProblemException.validation("startsAt", "slot-past");
            }
            if (local.toLocalDate().isAfter(LocalDate.ofInstant(now, zone).plusDays(config.bookings().daysAhead()))) {
                throw ProblemException.validation("startsAt", "too-far-ahead", config.bookings().daysAhead());
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

    // --- places ----------------------------------------------------------------------------------

    /** Takes one place of the slot, or fails with 409 when none is left. */
    static Uni<Void> takePlace(SqlClient tx, Slot slot) {
        return tx.preparedQuery("insert into queue_slot (site_code, service_code, starts_at, local_date) "
                        + "values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(slot.siteCode(), slot.serviceCode(), slot.startsAt(), slot.date()))
                .flatMap(made -> tx.preparedQuery(TAKE_PLACE).execute(Tuple.of(slot.siteCode(), slot.serviceCode(),
                        slot.startsAt(), slot.capacity())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.conflict("slot-full",
                                slot.date() + " " + Booking.CLOCK.format(slot.startsAt()));
                    }
                    return null;
                });
    }

    static Uni<Void> giveBack(SqlClient tx, Booking booking) {
        return tx.preparedQuery(GIVE_BACK).execute(Tuple.of(booking.siteCode(), booking.serviceCode(),
                booking.startsAt())).replaceWithVoid();
    }
}
