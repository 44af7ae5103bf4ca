package id.satupintu.homevisit;

import org.eclipse.microprofile.graphql.Name;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A visit day a supervisor plans: the site, the date (a working day there), the team and how many visits it takes. */
@Name("VisitDayInput")
public record VisitDayInput(@Size(max = 40) String siteCode, @NotNull LocalDate date,
                            @NotBlank @Size(max = 100) String team,
                            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> members,
                            @NotNull @Min(1) @Max(100) Integer capacity) {
}
