package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarReason;
import java.time.LocalDate;
import java.util.List;

/**
 * A day that is not a working day at a site, with every reason that applies to it. {@code weekday}
 * is the java.time name (MONDAY..SUNDAY), a string because GraphQL cannot map JDK enums.
 */
public record CalendarDay(LocalDate date, String weekday, List<CalendarReason> reasons) {
}
