package id.satupintu.queue.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** A service's booking hours at a site for the week; an empty list stops new bookings of it there. */
@Input("BookingScheduleInput")
public record BookingScheduleInput(@NotNull @Size(max = 7) List<@NotNull @Valid BookingHours> days) {
}
