package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.platform.web.RateLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The limits of anonymous and public submissions, per client address or API client, on the shared
 * fixed-window counters ({@link RateLimits}): an attempt counts whether or not the complaint is
 * accepted, so a flood of rejected submissions is throttled as well.
 */
@ApplicationScoped
class ComplaintRateLimit {

    @Inject
    RateLimits limits;

    @Inject
    ComplaintConfig config;

    /** Counts one submission under key; fails with 429 complaint-rate-limited and Retry-After once the window's allowance is used. */
    Uni<Void> hit(String key, int allowed, Instant now) {
        Duration window = Duration.ofMinutes(config.complaints().rateLimit().windowMinutes());
        return limits.hit(new RateLimits.Limit("complaint", allowed, window, "complaint-rate-limited"), key, now);
    }
}
