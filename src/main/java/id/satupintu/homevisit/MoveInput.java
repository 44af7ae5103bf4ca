package id.satupintu.homevisit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The citizen asks for another day: why, and optionally the weekdays that suit now. */
public record MoveInput(@Size(max = 1000) String reason, @Size(max = 7) List<@NotNull Weekday> preferredDays) {
}
