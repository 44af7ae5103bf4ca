package id.satupintu.queue.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A citizen's booking: the service and the start of one of its slots (as the slot list gives it). */
public record BookingRequest(@NotBlank @Size(max = 40) String serviceCode, @NotNull OffsetDateTime startsAt) {
}
