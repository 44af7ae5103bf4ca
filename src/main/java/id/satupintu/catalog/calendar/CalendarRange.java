package id.satupintu.catalog.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The non-working days of a site between two dates (both included). {@code holidaysKnown} is false
 * when a year in the range has no national holidays entered yet; those years are listed in
 * {@code yearsWithoutHolidays} and only weekends and closures are counted for them.
 */
public record CalendarRange(String siteCode, String timeZone, LocalDate from, LocalDate to, int workingDays,
                            boolean holidaysKnown, List<Integer> yearsWithoutHolidays,
                            List<CalendarDay> nonWorkingDays) {
}
