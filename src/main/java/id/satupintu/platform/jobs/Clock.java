package id.satupintu.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The service's "now": every rule that depends on the time of day or the date (deadlines, SLAs,
 * booking windows, tracking-number dates, secret grace periods) and every timestamp the code writes
 * reads it here, never from the system clock. One bean so that tests can pin time to the instant a
 * rule needs (a working day, a deadline's eve) with {@code QuarkusMock.installMockForType}, whatever
 * day the suite runs on.
 *
 * <p>Only {@link #now()} reads the system clock; the other methods derive from it, so a test that
 * overrides {@code now()} pins them all. Elapsed-time measurements (metrics, timeouts) use
 * {@code System.nanoTime()} instead: they are durations, not times, and must not jump when a test
 * pins the clock.
 */
@ApplicationScoped
public class Clock {

    public Instant now() {
        return Instant.now();
    }

    /** The calendar date in {@code zone} now: a site's date comes from the site's zone, never the server's. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    /**
     * Now as a {@code timestamptz} value is kept: UTC, to the microsecond (what PostgreSQL stores), so a
     * value written and read back compares equal to the one in memory.
     */
    public OffsetDateTime timestamp() {
        return now().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
