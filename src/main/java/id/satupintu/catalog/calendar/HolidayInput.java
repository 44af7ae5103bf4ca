package id.satupintu.catalog.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What an admin sends to add a day of next year's SKB; {@code source} names the decree. */
public record HolidayInput(@NotNull LocalDate date,
                           @NotNull HolidayKind kind,
                           @NotBlank @Size(max = 200) String name,
                           @Size(max = 2000) String source) {
}
