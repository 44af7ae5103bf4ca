package id.satupintu.queue.booking;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a service can be booked on one weekday, in the site's own time zone: slots of {@code slotMinutes}
 * from {@code opens}, the last one ending by {@code closes}, each taking {@code capacity} citizens.
 */
public record BookingHours(@NotNull @AdaptToScalar(Scalar.String.class) DayOfWeek day,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
                           @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes,
                           @NotNull @Min(5) @Max(240) Integer slotMinutes,
                           @NotNull @Min(1) @Max(500) Integer capacity) {

    /** Whether a slot starts at {@code start} on this grid and ends by closing time. */
    boolean startsSlotAt(LocalTime start) {
        if (start.isBefore(opens) || start.getSecond() != 0 || start.getNano() != 0) {
            return false;
        }
        int minutes = (start.toSecondOfDay() - opens.toSecondOfDay()) / 60;
        return minutes % slotMinutes == 0 && !start.plusMinutes(slotMinutes).isAfter(closes)
                && start.plusMinutes(slotMinutes).isAfter(start);
    }
}
