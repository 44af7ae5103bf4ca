package id.satupintu.platform.web;

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
 * Fixed-window counters of hits per key (a client address, an API client), kept in PostgreSQL so
 * every replica counts the same hits: the one mechanism behind the public, anonymous doors (complaint
 * filing, citizen sign-up). A hit is counted in its own statement, outside any transaction of the
 * work it guards, so attempts that then fail count too and a flood of rejected ones is throttled as well.
 */
@ApplicationScoped
public class RateLimits {

    private static final String HIT = """
            insert into platform_rate_limit (key, window_start, hits, expires_at) values ($1, $2, 1, $3)
            on conflict (key, window_start) do update set hits = platform_rate_limit.hits + 1 returning hits""";

    /**
     * One limit: {@code allowed} hits per key and window; beyond it a 429 problem with {@code problemCode},
     * whose one argument is the seconds to wait (also in Retry-After). {@code name} keeps the keys of two
     * limits apart.
     */
    public record Limit(String name, int allowed, Duration window, String problemCode) {
    }

    @Inject
    Pool pool;

    /** Counts one hit of key under the limit; fails with the limit's 429 once the window's allowance is used. */
    public Uni<Void> hit(Limit limit, String key, Instant now) {
        long windowSeconds = limit.window().toSeconds();
        long start = now.getEpochSecond() / windowSeconds * windowSeconds;
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        return pool.preparedQuery(HIT)
                .execute(Tuple.of(limit.name() + ":" + key, windowStart, windowStart.plusSeconds(windowSeconds)))
                .map(rows -> rows.iterator().next().getInteger(0))
                .invoke(hits -> {
                    if (hits > limit.allowed()) {
                        long retryAfter = Math.max(1, start + windowSeconds - now.getEpochSecond());
                        throw new ProblemException(429, limit.problemCode(), retryAfter)
                                .header("Retry-After", Long.toString(retryAfter));
                    }
                })
                .call(hits -> hits == 1 ? cleanup() : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** Drops finished windows now and then (on the first hit of a key's window) so the table stays small. */
    private Uni<Void> cleanup() {
        return pool.preparedQuery("delete from platform_rate_limit where expires_at < now() - interval '1 hour'")
                .execute().replaceWithVoid();
    }
}
