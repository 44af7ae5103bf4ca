package id.satupintu.queue.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for a ticket. {@code priority} defaults to NONE; {@code vehiclePlate} (Indonesian plate such
 * as "D 1234 ABC") only on the drive-thru channel. {@code phone} (an Indonesian mobile number) may be left on a
 * ticket taken at the site (kiosk, counter, drive-thru), which has no account behind it: its holder is texted
 * when the turn is near, in {@code language} (id, the default, or en); the number is forgotten at the end of day.
 */
public record TicketRequest(
        @NotBlank @Size(max = 40) String serviceCode,
        @NotNull Channel channel,
        PriorityCategory priority,
        @Size(max = 12) @Pattern(regexp = "[A-Z]{1,2} ?[0-9]{1,4} ?[A-Z]{0,3}") String vehiclePlate,
        @Size(max = 40) String phone,
        String language) {

    PriorityCategory priorityOrNone() {
        return priority == null ? PriorityCategory.NONE : priority;
    }
}
