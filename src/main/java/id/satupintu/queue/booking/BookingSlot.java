package id.satupintu.queue.booking;

import java.time.OffsetDateTime;

/** One appointment slot and how many places are left in it (0 once it has started). */
public record BookingSlot(OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int available) {
}
