package id.satupintu.platform.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One pass of a deadline watch (SLA clocks, complaint deadlines): warns when few working days are
 * left and marks a breach once the deadline has passed. Every replica runs it; each item is handled
 * in its own transaction under {@code FOR UPDATE SKIP LOCKED}, and what was announced is recorded on
 * the item, so nothing happens twice. The features keep their own schedules and say what warning and
 * breach mean for them through {@link WatchedDeadlines}.
 */
@ApplicationScoped
public class DeadlineWatch {

    /** Enough calendar days to cover the warning span over the longest holiday cluster (Idul Fitri). */
    static final int CALENDAR_MARGIN_DAYS = 16;

    /** One pass as of {@code now}; the number of items it changed. */
    public <K, T> Uni<Integer> check(WatchedDeadlines<K, T> deadlines, Instant now) {
        int warnDays = deadlines.warnWorkingDays();
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(warnDays + CALENDAR_MARGIN_DAYS);
        return Panache.withSession(() -> deadlines.dueBy(horizon))
                .flatMap(keys -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(key -> Panache.withTransaction(
                                () -> watch(deadlines, key, now, warnDays)))
                        .collect().asList())
                .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private static <K, T> Uni<Boolean> watch(WatchedDeadlines<K, T> deadlines, K key, Instant now, int warnDays) {
        return deadlines.lock(key).flatMap(item -> item == null ? Uni.createFrom().item(false)
                : deadlines.workingDaysLeft(item, now).flatMap(left -> {
                    if (left == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (left < 0) {
                        return deadlines.breach(item, now);
                    }
                    if (left <= warnDays && !deadlines.warned(item)) {
                        return deadlines.warn(item, now, left);
                    }
                    return Uni.createFrom().item(false);
                }));
    }
}
