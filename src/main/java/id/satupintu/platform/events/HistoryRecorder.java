package id.satupintu.platform.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Records what happens to an aggregate (an application, a complaint): an entry of its append-only
 * history, which its people read, and the events its followers (SSE, subscriptions, webhooks)
 * receive. Both are written in the current transaction, so they commit together or not at all; the
 * events are appended one after the other, in the order given. The features decide what the entry
 * and the payloads hold.
 */
@ApplicationScoped
public class HistoryRecorder {

    @Inject
    EventLog log;

    /** Persists the history entry, then appends the events; the entry as saved. */
    public <H extends PanacheEntityBase> Uni<H> record(H entry, List<NewEvent> events) {
        return entry.<H>persist().flatMap(saved -> announce(events).replaceWith(saved));
    }

    /** Appends the events of a change that has no history entry of its own (a warning, a revocation). */
    public Uni<Void> announce(List<NewEvent> events) {
        Uni<Void> appended = Uni.createFrom().voidItem();
        for (NewEvent event : events) {
            appended = appended.flatMap(ignored -> log.append(event.stream(), event.type(), event.payload()))
                    .replaceWithVoid();
        }
        return appended;
    }
}
