package id.satupintu.queue.booking;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** Moves a booking to another slot of the same service and site. */
public record RescheduleRequest(@NotNull OffsetDateTime startsAt) {
}
