package id.satupintu.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A secret rotation. {@code graceSeconds} (0 by default, at most a day) lets the previous secret
 * still sign in that long, so an integrator can switch without an outage; tokens issued before the
 * rotation stop at once either way.
 */
public record RotationInput(@Min(0) @Max(86_400) Integer graceSeconds) {
}
