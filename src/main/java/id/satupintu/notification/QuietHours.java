package id.satupintu.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A citizen's quiet hours, local times at the site (its zone): nothing goes out between start and end. A window
 * whose start is after its end spans midnight (21:00-07:00).
 */
record QuietHours(LocalTime start, LocalTime end) {

    boolean covers(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When a send held back at {@code now} may go: the window's next end in the zone; null when now is outside. */
    Instant heldUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!covers(local.toLocalTime())) {
            return null;
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return until.toInstant();
    }
}
