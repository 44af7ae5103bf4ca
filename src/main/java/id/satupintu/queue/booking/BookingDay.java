package id.satupintu.queue.booking;

import java.time.LocalDate;
import java.util.List;

/**
 * The slots of a service at a site on one local date. A day that is not a working day there (weekend,
 * national holiday, cuti bersama, the site's own closure) has none, and says so.
 */
public record BookingDay(String siteCode, String serviceCode, LocalDate date, String timeZone, boolean workingDay,
                         List<BookingSlot> slots) {
}
