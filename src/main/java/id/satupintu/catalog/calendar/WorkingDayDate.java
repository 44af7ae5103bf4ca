package id.satupintu.catalog.calendar;

import id.satupintu.catalog.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.List;

/** The {@code days}-th working day after {@code from} at a site (see {@link WorkingDayCalendar}). */
public record WorkingDayDate(String siteCode, LocalDate from, int days, LocalDate date, String timeZone,
                             boolean holidaysKnown, List<Integer> yearsWithoutHolidays) {
}
