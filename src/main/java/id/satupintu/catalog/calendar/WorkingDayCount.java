package id.satupintu.catalog.calendar;

import java.time.LocalDate;
import java.util.List;

/** The working days in (from, to] at a site; negative when {@code to} is before {@code from}. */
public record WorkingDayCount(String siteCode, LocalDate from, LocalDate to, int count, String timeZone,
                              boolean holidaysKnown, List<Integer> yearsWithoutHolidays) {
}
