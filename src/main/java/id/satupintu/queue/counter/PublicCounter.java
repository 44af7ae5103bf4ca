package id.satupintu.queue.counter;

import java.util.List;
import java.util.UUID;

/**
 * A counter as anyone may see it (the hall, a citizen's app, a display board): its number, name, the
 * prefixes of its lanes and whether it is open. Never who holds its session, why it is paused or how
 * many priority tickets it called in a row: those are the site's staff's business ({@link Counter}).
 */
public record PublicCounter(UUID id, String siteCode, int number, String name, List<String> lanes,
                            CounterStatus status) {

    static PublicCounter of(Counter counter) {
        return new PublicCounter(counter.id(), counter.siteCode(), counter.number(), counter.name(), counter.lanes(),
                counter.status());
    }
}
