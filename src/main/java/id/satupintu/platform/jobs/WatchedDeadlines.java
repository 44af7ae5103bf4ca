package id.satupintu.platform.jobs;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a feature tells the {@link DeadlineWatch} about the deadlines it runs: which items are near
 * their deadline, how to lock one, how many working days it has left, and what it does once an item
 * is late or nearly so. The watch calls {@link #lock}, {@link #workingDaysLeft}, {@link #breach} and
 * {@link #warn} inside the item's own transaction.
 *
 * @param <K> what identifies an item between transactions (a tracking number, an id)
 * @param <T> the item itself, as loaded in its transaction
 */
public interface WatchedDeadlines<K, T> {

    /** Warn when this many working days, or fewer, are left. */
    int warnWorkingDays();

    /** The items not yet breached whose deadline falls on or before {@code horizon}, earliest deadline first. */
    Uni<List<K>> dueBy(LocalDate horizon);

    /**
     * The item, its row locked with {@code FOR UPDATE SKIP LOCKED}; null when another replica holds it or
     * it no longer qualifies (its deadline was met, stopped or already breached meanwhile).
     */
    Uni<T> lock(K key);

    /** Working days left until the deadline as of {@code now}, negative once passed; null when no clock runs. */
    Uni<Integer> workingDaysLeft(T item, Instant now);

    /** Whether the warning about the current deadline has gone out already. */
    boolean warned(T item);

    /** The deadline has passed: marks the breach (and does what follows from it); whether it changed the item. */
    Uni<Boolean> breach(T item, Instant now);

    /** Few working days are left: warns once per deadline; whether it changed the item. */
    Uni<Boolean> warn(T item, Instant now, int workingDaysLeft);
}
