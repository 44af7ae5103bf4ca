package id.satupintu.queue;

import io.quarkus.arc.Arc;
import java.time.Instant;

/** The queue's end of day for tests outside the queue package (the job is the queue's own, package-private). */
public final class QueueDays {

    private QueueDays() {
    }

    /** Closes every site day over at {@code now}; how many. */
    public static int endOfDay(Instant now) {
        return Arc.container().instance(EndOfDay.class).get().run(now).await().indefinitely();
    }
}
