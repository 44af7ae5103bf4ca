package id.satupintu.queue.counter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a counter stops calling for a while (break, system down, prayer time...). */
public record PauseRequest(@NotBlank @Size(max = 200) String reason) {
}
