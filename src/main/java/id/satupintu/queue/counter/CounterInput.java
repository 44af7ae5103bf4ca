package id.satupintu.queue.counter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** A counter (loket): its number, display name and the prefixes of the lanes it calls from. */
@Input("CounterInput")
public record CounterInput(
        @NotNull @Min(1) @Max(999) Integer number,
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 26) List<@NotBlank @Pattern(regexp = "[A-Z]") String> lanes) {
}
