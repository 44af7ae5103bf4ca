package id.satupintu.queue.booking;

import java.util.List;

/** The weekly booking hours of a service at a site, in the site's time zone. */
public record BookingSchedule(String siteCode, String serviceCode, String timeZone, List<BookingHours> days) {
}
