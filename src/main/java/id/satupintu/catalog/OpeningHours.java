package id.satupintu.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** The hours a site serves on one weekday, in the site's own time zone, written "08:00". */
public record OpeningHours(@NotNull DayOfWeek day,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes) {
}
