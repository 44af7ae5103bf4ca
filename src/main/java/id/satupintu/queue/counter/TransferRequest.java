package id.satupintu.queue.counter;

import jakarta.validation.constraints.Pattern;

/**
 * Where a ticket goes next: another lane of the site (by prefix), a particular counter, or both.
 * The ticket keeps its number and its original issue time, so it does not lose its place.
 */
public record TransferRequest(@Pattern(regexp = "[A-Z]") String lane, String counterId) {
}
