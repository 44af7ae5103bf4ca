package id.satupintu.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The hours a site serves on one weekday, in the site's own time zone, written "08:00". GraphQL shows
 * the day as a string ("MONDAY"): it cannot scan the JDK's DayOfWeek enum.
 */
public record OpeningHours(@NotNull @AdaptToScalar(Scalar.String.class) DayOfWeek day,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes) {
}
