package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarReason;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The days off of one site over a span of dates (both ends included), built from one query for the
 * holidays of the years it touches and one for the site's closures, so walking it costs no query.
 */
public final class CalendarWindow {

    private final LocalDate first;
    private final LocalDate last;
    private final Map<LocalDate, List<CalendarReason>> daysOff = new HashMap<>();
    private final Set<Integer> yearsWithHolidays = new HashSet<>();

    /** {@code holidays} must hold every holiday of every year from first's to last's. */
    public CalendarWindow(LocalDate first, LocalDate last, List<Holiday> holidays, List<SiteClosure> closures) {
        this.first = first;
        this.last = last;
        for (Holiday holiday : holidays) {
            yearsWithHolidays.add(holiday.date.getYear());
            if (covers(holiday.date)) {
                daysOff.computeIfAbsent(holiday.date, d -> new ArrayList<>()).add(reasonOf(holiday));
            }
        }
        for (SiteClosure closure : closures) {
            LocalDate from = closure.startsOn.isBefore(first) ? first : closure.startsOn;
            LocalDate to = closure.endsOn.isAfter(last) ? last : closure.endsOn;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                daysOff.computeIfAbsent(d, x -> new ArrayList<>()).add(reasonOf(closure));
            }
        }
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /**
     * Saturdays and Sundays are never working days, even at a site that opens on Saturday: SLAs are
     * counted in government working days, which Perpres 21/2023 art. 3 sets at five a week, Monday to
     * Friday, less the national holidays and cuti bersama (art. 6). Art. 7 lets units that serve the
     * public directly open on other days, but that changes their opening hours, not the days an SLA
     * runs. No regulation found says so in as many words for service-standard SLAs, so this is a
     * reading of Perpres 21/2023, chosen because it never shortens a deadline the citizen relies on
     * compared with a Monday-Friday count.
     */
    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!covers(date)) {
            throw new IllegalArgumentException(date + " is outside " + first + ".." + last);
        }
        return !isWeekend(date) && !daysOff.containsKey(date);
    }

    /** Every reason the day is off, weekend first; empty for a working day. */
    public List<CalendarReason> reasons(LocalDate date) {
        List<CalendarReason> reasons = new ArrayList<>();
        if (isWeekend(date)) {
            reasons.add(CalendarReason.WEEKEND);
        }
        reasons.addAll(daysOff.getOrDefault(date, List.of()));
        return reasons;
    }

    /**
     * With days = 0, the first working day on or after {@code from}; otherwise the days-th working
     * day after it, {@code from} itself not counted. Null when the window ends before it is reached.
     */
    public LocalDate nthWorkingDay(LocalDate from, int days) {
        LocalDate date = from;
        if (days == 0) {
            for (; covers(date); date = date.plusDays(1)) {
                if (isWorkingDay(date)) {
                    return date;
                }
            }
            return null;
        }
        int counted = 0;
        while (true) {
            date = date.plusDays(1);
            if (!covers(date)) {
                return null;
            }
            if (isWorkingDay(date) && ++counted == days) {
                return date;
            }
        }
    }

    /** Working days in [from, to], both inside the window. */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The years from {@code from}'s to {@code to}'s for which no national holiday is entered. */
    public List<Integer> yearsWithoutHolidays(LocalDate from, LocalDate to) {
        List<Integer> missing = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!yearsWithHolidays.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    private static CalendarReason reasonOf(Holiday holiday) {
        return new CalendarReason(CalendarReason.Kind.valueOf(holiday.kind.name()), holiday.name, null);
    }

    private static CalendarReason reasonOf(SiteClosure closure) {
        return new CalendarReason(CalendarReason.Kind.SITE_CLOSURE, closure.reason, closure.id);
    }
}
