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

/** A queue lane as an admin or supervisor defines it: prefix letter, the services it holds, daily quota. */
@Input("LaneInput")
public record LaneInput(
        @NotBlank @Pattern(regexp = "[A-Z]") String prefix,
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 40) String> serviceCodes,
        @NotNull @Min(1) @Max(9999) Integer dailyQuota) {
}
