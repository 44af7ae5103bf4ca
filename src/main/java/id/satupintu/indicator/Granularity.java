package id.satupintu.indicator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** How a report's dates are cut into periods: site-local days, ISO weeks (Monday first) or calendar months. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** A period's first and last day, inclusive. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The periods covering from..to; the first and last are cut at from and to. */
    List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = switch (this) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (end.isAfter(to)) {
                end = to;
            }
            periods.add(new Period(start, end));
            start = end.plusDays(1);
        }
        return periods;
    }
}
