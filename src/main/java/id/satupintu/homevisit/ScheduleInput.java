package id.satupintu.homevisit;

import org.eclipse.microprofile.graphql.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/** Puts a request on a visit day, with the time window the citizen is told. */
@Name("ScheduleInput")
public record ScheduleInput(@NotBlank @Size(max = 64) String visitDayId, @NotNull LocalTime windowStart,
                            @NotNull LocalTime windowEnd) {
}
