package id.satupintu.catalog.calendar;

import java.util.List;

/**
 * The holidays of one year. {@code known} is false while no day of that year has been entered, so a
 * client does not take an empty list for "no holidays".
 */
public record HolidayYear(int year, boolean known, List<HolidayView> holidays) {
}
