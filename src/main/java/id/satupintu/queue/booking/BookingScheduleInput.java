package id.satupintu.queue.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A service's booking hours at a site for the week; an empty list stops new bookings of it there. */
public record BookingScheduleInput(@NotNull @Size(max = 7) List<@NotNull @Valid BookingHours> days) {
}
