package id.satupintu.queue.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A booking as its citizen and the site's staff see it, times in the site's own offset. {@code qrToken}
 * is given once, in the answer to the booking itself: only its hash is kept, so it cannot be shown again.
 * {@code checkInFrom}/{@code checkInUntil} bound when a kiosk or the citizen's phone may check it in.
 */
public record BookingView(UUID id, String siteCode, String serviceCode, LocalDate date, String timeZone,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, BookingStatus status,
                          OffsetDateTime checkInFrom, OffsetDateTime checkInUntil, UUID ticketId, String ticketNumber,
                          OffsetDateTime createdAt, String qrToken) {

    static BookingView of(Booking b, BookingWindow window, String qrToken) {
        return new BookingView(b.id(), b.siteCode(), b.serviceCode(), b.date(), b.timeZone(), b.local(b.startsAt()),
                b.local(b.endsAt()), b.status(), b.local(window.opens(b)), b.local(window.closes(b)), b.ticketId(),
                b.ticketNumber(), b.local(b.createdAt()), qrToken);
    }
}
