package id.satupintu.support;

import id.satupintu.platform.jobs.Clock;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Instant;

/**
 * The service's {@link Clock} pinned for one test: rules that depend on the day (a check-in only on the
 * slot's day, an SLA counted from the day of submission) then see the instant the test chose, whatever
 * day the suite runs on. Every other method of the clock derives from {@link #now()}.
 */
public final class PinnedClock extends Clock {

    private volatile Instant now;

    private PinnedClock(Instant now) {
        this.now = now;
    }

    /** Pins the clock for the current test (QuarkusMock removes it after the test). */
    public static PinnedClock pin(Instant at) {
        PinnedClock clock = new PinnedClock(at);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void set(Instant at) {
        now = at;
    }

    @Override
    public Instant now() {
        return now;
    }
}
