package id.satupintu.homevisit;

import org.eclipse.microprofile.graphql.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The citizen asks for another day: why, and optionally the weekdays that suit now. */
@Name("MoveInput")
public record MoveInput(@Size(max = 1000) String reason, @Size(max = 7) List<@NotNull Weekday> preferredDays) {
}
