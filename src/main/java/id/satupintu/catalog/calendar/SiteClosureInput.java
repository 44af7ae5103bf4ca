package id.satupintu.catalog.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record SiteClosureInput(@NotNull LocalDate startsOn,
                               @NotNull LocalDate endsOn,
                               @NotBlank @Size(max = 200) String reason) {
}
