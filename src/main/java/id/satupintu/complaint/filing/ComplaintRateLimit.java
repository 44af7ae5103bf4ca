package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintSettings;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window counters of anonymous and public submissions, per client address or API client,
 * kept in PostgreSQL so every replica counts the same hits. A hit is counted in its own statement
 * (outside the filing's transaction): an attempt counts whether or not the complaint is accepted,
 * so a flood of rejected submissions is throttled as well.
 */
@ApplicationScoped
class ComplaintRateLimit {

    private static final String HIT = "insert into complaint_rate_limit (key, window_start, hits) values ($1, $2, 1) "
            + "on conflict (key, window_start) do update set hits = complaint_rate_limit.hits + 1 returning hits";

    @Inject
    Pool pool;

    @Inject
    ComplaintSettings settings;

    /** Counts one submission under key; fails with 429 and Retry-After once the window's allowance is used. */
    Uni<Void> hit(String key, int allowed, Instant now) {
        long windowSeconds = Duration.ofMinutes(settings.windowMinutes()).toSeconds();
        long start = now.getEpochSecond() / windowSeconds * windowSeconds;
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        return pool.preparedQuery(HIT).execute(Tuple.of(key, windowStart))
                .map(rows -> rows.iterator().next().getInteger(0))
                .invoke(hits -> {
                    if (hits > allowed) {
                        long retryAfter = Math.max(1, start + windowSeconds - now.getEpochSecond());
                        throw new ProblemException(429, "complaint-rate-limited", retryAfter)
                                .header("Retry-After", Long.toString(retryAfter));
                    }
                })
                .call(hits -> hits == 1 ? cleanup(windowStart) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** Drops finished windows now and then (on the first hit of a key's window) so the table stays small. */
    private Uni<Void> cleanup(OffsetDateTime currentWindow) {
        return pool.preparedQuery("delete from complaint_rate_limit where window_start < $1")
                .execute(Tuple.of(currentWindow.minusDays(1))).replaceWithVoid();
    }
}
