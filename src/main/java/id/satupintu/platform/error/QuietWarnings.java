package id.satupintu.platform.error;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A warning about a condition that hits many requests at once (the database away, statements
 * cancelled, requests timing out) is logged at most once a minute per place, with how many it kept
 * quiet since: a few seconds of trouble under load would otherwise bury every other line of the log.
 */
@ApplicationScoped
public class QuietWarnings {

    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Per place: when it last warned, and how many warnings it kept quiet since. */
    private final Map<String, Quiet> quiet = new ConcurrentHashMap<>();

    /** Warns {@code message} on {@code log} unless {@code place} warned within the last minute. */
    public void warn(Logger log, String place, String message) {
        Quiet state = quiet.computeIfAbsent(place, p -> new Quiet());
        long now = System.nanoTime();
        long last = state.lastWarned.get();
        if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY_NANOS) && state.lastWarned.compareAndSet(last, now)) {
            long kept = state.kept.getAndSet(0);
            log.warnf("%s%s", message, kept > 0 ? " (" + kept + " more in the last minute)" : "");
        } else {
            state.kept.incrementAndGet();
        }
    }

    private static final class Quiet {
        final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong kept = new AtomicLong();
    }
}
