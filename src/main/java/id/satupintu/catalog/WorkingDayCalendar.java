package id.satupintu.catalog;

import id.satupintu.catalog.calendar.CalendarDay;
import id.satupintu.catalog.calendar.CalendarRange;
import id.satupintu.catalog.calendar.CalendarWindow;
import id.satupintu.catalog.calendar.Holiday;
import id.satupintu.catalog.calendar.SiteClosure;
import id.satupintu.catalog.calendar.WorkingDayCount;
import id.satupintu.catalog.calendar.WorkingDayDate;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Working days (hari kerja) at a site: Monday to Friday, less national holidays, cuti bersama and
 * the site's own closures. Every SLA is counted with it, in the time zone of the site handling the
 * case. Each computation reads the holidays of the years it touches in one query and the site's
 * closures in another; nothing is cached, so every replica sees an admin's change at once.
 *
 * <p>Dates before {@link CalendarDates#FIRST_YEAR} or after {@link CalendarDates#LAST_YEAR} are
 * refused. A year without any holiday entered counts only weekends and closures; the detailed
 * answers say so with {@code holidaysKnown = false}.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    /** The most working days one may add: a year and more of SLA, far beyond any service standard. */
    public static final int MAX_DAYS = 365;
    /** The longest span the calendar lists day by day. */
    public static final int MAX_RANGE_DAYS = 366;
    /** The longest span whose working days are counted (an SLA late by years is still counted). */
    public static final int MAX_COUNT_DAYS = 5 * 366;
    /** Gives up rather than walk on forever when closures leave no working day. */
    private static final int MAX_SEARCH_DAYS = 10 * 366;

    /**
     * An answer of the calendar with whether it can be trusted: {@code holidaysKnown} is false when a year
     * it spans has no holiday entered yet, so it was counted as if that year had none.
     */
    public record Reckoned<T>(T value, boolean holidaysKnown) {
    }

    @Inject
    SiteService sites;

    @Inject
    Clock clock;

    /** Whether {@code date} is a working day at the site. */
    @WithSession
    public Uni<Boolean> isWorkingDay(String siteCode, LocalDate date) {
        CalendarDates.checkYear("date", date.getYear());
        return sites.find(siteCode).flatMap(site -> load(site, date, date)).map(w -> w.isWorkingDay(date));
    }

    /** Whether the site's local date at {@code at} is a working day there. */
    @WithSession
    public Uni<Boolean> isWorkingDay(String siteCode, Instant at) {
        return localDate(siteCode, at).flatMap(date -> isWorkingDay(siteCode, date));
    }

    /**
     * Why the site does not serve on {@code date} besides the weekend: national holidays, cuti bersama
     * and its own closures; empty on an ordinary day. Weekends are left out because they are a matter
     * of the site's opening hours: front-line units may open on Saturday (Perpres 21/2023 art. 7).
     */
    @WithSession
    public Uni<List<CalendarReason>> closedOn(SiteProfile site, LocalDate date) {
        CalendarDates.checkYear("date", date.getYear());
        return load(site, date, date).map(window -> window.reasons(date).stream()
                .filter(reason -> reason.kind() != CalendarReason.Kind.WEEKEND).toList());
    }

    /**
     * The days-th working day after {@code from}, {@code from} itself not counted; with days = 0,
     * {@code from} when it is a working day, else the next working day. 0 &le; days &le; {@link #MAX_DAYS}.
     */
    @WithSession
    public Uni<LocalDate> addWorkingDays(String siteCode, LocalDate from, int days) {
        return workingDayAfter(siteCode, from, days, null).map(WorkingDayDate::date);
    }

    /** As {@link #addWorkingDays(String, LocalDate, int)} from the site's local date at {@code from}. */
    @WithSession
    public Uni<LocalDate> addWorkingDays(String siteCode, Instant from, int days) {
        return localDate(siteCode, from).flatMap(date -> addWorkingDays(siteCode, date, days));
    }

    /** {@link #addWorkingDays(String, LocalDate, int)}, and whether the holidays of every year it spans are entered. */
    @WithSession
    public Uni<Reckoned<LocalDate>> reckonWorkingDays(String siteCode, LocalDate from, int days) {
        return workingDayAfter(siteCode, from, days, null).map(d -> new Reckoned<>(d.date(), d.holidaysKnown()));
    }

    /** {@link #workingDaysBetween(String, LocalDate, LocalDate)}, and whether the holidays of every year it spans are entered. */
    @WithSession
    public Uni<Reckoned<Integer>> reckonWorkingDaysBetween(String siteCode, LocalDate from, LocalDate to) {
        return countWorkingDays(siteCode, from, to, null).map(c -> new Reckoned<>(c.count(), c.holidaysKnown()));
    }

    /** Working days in (from, to]; negative, counting (to, from], when {@code to} is before {@code from}. */
    @WithSession
    public Uni<Integer> workingDaysBetween(String siteCode, LocalDate from, LocalDate to) {
        return countWorkingDays(siteCode, from, to, null).map(WorkingDayCount::count);
    }

    /** As {@link #workingDaysBetween(String, LocalDate, LocalDate)} between the site's local dates at two instants. */
    @WithSession
    public Uni<Integer> workingDaysBetween(String siteCode, Instant from, Instant to) {
        return sites.zoneOf(siteCode).flatMap(zone -> workingDaysBetween(siteCode,
                LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone)));
    }

    /** The calendar date at the site at {@code at}: at 2026-03-17T16:30Z it is the 17th in WIB and already the 18th in WIT. */
    @WithSession
    public Uni<LocalDate> localDate(String siteCode, Instant at) {
        return sites.zoneOf(siteCode).map(zone -> LocalDate.ofInstant(at, zone));
    }

    /**
     * {@link #addWorkingDays(String, LocalDate, int)} with the facts a client needs to trust it.
     * A null {@code from} means today at the site, at {@code at} (null: now).
     */
    @WithSession
    public Uni<WorkingDayDate> workingDayAfter(String siteCode, LocalDate from, int days, Instant at) {
        if (days < 0) {
            throw ProblemException.validation("days", "min", 0);
        }
        if (days > MAX_DAYS) {
            throw ProblemException.validation("days", "max", MAX_DAYS);
        }
        if (from != null) {
            CalendarDates.checkYear("from", from.getYear());
        }
        return sites.find(siteCode).flatMap(site -> {
            LocalDate start = from != null ? from : today(site, at);
            return walk(site, start, days, days * 7 / 5 + 31);
        });
    }

    /**
     * {@link #workingDaysBetween(String, LocalDate, LocalDate)} with the facts a client needs to trust
     * it. A null {@code from} means today at the site, at {@code at} (null: now).
     */
    @WithSession
    public Uni<WorkingDayCount> countWorkingDays(String siteCode, LocalDate from, LocalDate to, Instant at) {
        if (to == null) {
            throw ProblemException.validation("to", "required");
        }
        CalendarDates.checkYear("to", to.getYear());
        if (from != null) {
            CalendarDates.checkYear("from", from.getYear());
        }
        return sites.find(siteCode).flatMap(site -> {
            LocalDate start = from != null ? from : today(site, at);
            if (Math.abs(ChronoUnit.DAYS.between(start, to)) > MAX_COUNT_DAYS) {
                throw ProblemException.validation("to", "range-too-long", MAX_COUNT_DAYS);
            }
            boolean forward = !to.isBefore(start);
            LocalDate low = forward ? start : to;
            LocalDate high = forward ? to : start;
            return load(site, low.plusDays(1), high).map(window -> {
                int count = low.equals(high) ? 0 : window.countWorkingDays(low.plusDays(1), high);
                List<Integer> unknown = low.equals(high) ? List.of() : window.yearsWithoutHolidays(low.plusDays(1), high);
                return new WorkingDayCount(site.code(), start, to, forward ? count : -count, site.timeZone(),
                        unknown.isEmpty(), unknown);
            });
        });
    }

    /**
     * Every non-working day at the site in [from, to], at most {@link #MAX_RANGE_DAYS} days apart.
     * A null {@code from} means today at the site at {@code at} (null: now); a null {@code to}, 30
     * days after {@code from}.
     */
    @WithSession
    public Uni<CalendarRange> calendar(String siteCode, LocalDate from, LocalDate to, Instant at) {
        if (from != null) {
            CalendarDates.checkYear("from", from.getYear());
        }
        if (to != null) {
            CalendarDates.checkYear("to", to.getYear());
        }
        return sites.find(siteCode).flatMap(site -> {
            LocalDate start = from != null ? from : today(site, at);
            LocalDate end = to != null ? to : start.plusDays(30);
            if (end.isBefore(start)) {
                throw ProblemException.validation("to", "before-from");
            }
            if (ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
                throw ProblemException.validation("to", "range-too-long", MAX_RANGE_DAYS);
            }
            return load(site, start, end).map(window -> {
                List<CalendarDay> off = new ArrayList<>();
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    List<CalendarReason> reasons = window.reasons(d);
                    if (!reasons.isEmpty()) {
                        off.add(new CalendarDay(d, d.getDayOfWeek().name(), reasons));
                    }
                }
                List<Integer> unknown = window.yearsWithoutHolidays(start, end);
                return new CalendarRange(site.code(), site.timeZone(), start, end, window.countWorkingDays(start, end),
                        unknown.isEmpty(), unknown, off);
            });
        });
    }

    private Uni<WorkingDayDate> walk(SiteProfile site, LocalDate from, int days, int span) {
        return load(site, from, from.plusDays(span)).flatMap(window -> {
            LocalDate date = window.nthWorkingDay(from, days);
            if (date != null) {
                List<Integer> unknown = window.yearsWithoutHolidays(from, date);
                return Uni.createFrom().item(new WorkingDayDate(site.code(), from, days, date, site.timeZone(),
                        unknown.isEmpty(), unknown));
            }
            if (span >= MAX_SEARCH_DAYS) {
                return Uni.createFrom().failure(new ProblemException(422, "calendar-no-working-day", site.code()));
            }
            // Long closures pushed the date past the window: look again over a wider one.
            return walk(site, from, days, Math.min(span * 2, MAX_SEARCH_DAYS));
        });
    }

    /** One query for the holidays of the years [first, last] touches, one for the site's closures in it. */
    private Uni<CalendarWindow> load(SiteProfile site, LocalDate first, LocalDate last) {
        LocalDate yearsFrom = LocalDate.of(first.getYear(), 1, 1);
        LocalDate yearsTo = LocalDate.of(Math.max(first.getYear(), last.getYear()), 12, 31);
        return Holiday.<Holiday>list("date between ?1 and ?2", yearsFrom, yearsTo)
                .flatMap(holidays -> SiteClosure.<SiteClosure>list(
                                "siteCode = ?1 and startsOn <= ?2 and endsOn >= ?3", site.code(), last, first)
                        .map(closures -> new CalendarWindow(first, last, holidays, closures)));
    }

    private LocalDate today(SiteProfile site, Instant at) {
        ZoneId zone = site.zone();
        return at != null ? LocalDate.ofInstant(at, zone) : clock.today(zone);
    }
}
