package id.satupintu.queue.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a kiosk read from the citizen's QR code. */
public record CheckInRequest(@NotBlank @Size(max = 100) String token) {
}
