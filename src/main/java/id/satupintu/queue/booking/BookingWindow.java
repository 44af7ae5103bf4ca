package id.satupintu.queue.booking;

import id.satupintu.queue.QueueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * When a booking may be checked in: from {@code satupintu.bookings.check-in-minutes-before} before its
 * slot starts until {@code satupintu.bookings.grace-minutes} after; past that it is a no-show.
 */
@ApplicationScoped
class BookingWindow {

    @Inject
    QueueConfig config;


    OffsetDateTime opens(Booking booking) {
        return booking.startsAt().minusMinutes(config.bookings().checkInMinutesBefore());
    }

    OffsetDateTime closes(Booking booking) {
        return booking.startsAt().plusMinutes(config.bookings().graceMinutes());
    }

    int graceMinutes() {
        return config.bookings().graceMinutes();
    }
}
