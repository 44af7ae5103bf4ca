package id.satupintu.queue.booking;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a booking may be checked in: from {@code satupintu.bookings.check-in-minutes-before} before its
 * slot starts until {@code satupintu.bookings.grace-minutes} after; past that it is a no-show.
 */
@ApplicationScoped
public class BookingWindow {

    @ConfigProperty(name = "satupintu.bookings.check-in-minutes-before", defaultValue = "30")
    int minutesBefore;

    @ConfigProperty(name = "satupintu.bookings.grace-minutes", defaultValue = "15")
    int graceMinutes;

    OffsetDateTime opens(Booking booking) {
        return booking.startsAt().minusMinutes(minutesBefore);
    }

    OffsetDateTime closes(Booking booking) {
        return booking.startsAt().plusMinutes(graceMinutes);
    }

    int graceMinutes() {
        return graceMinutes;
    }
}
