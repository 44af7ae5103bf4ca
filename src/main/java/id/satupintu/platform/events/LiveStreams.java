package id.satupintu.platform.events;

import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stream's events for one follower: first what it missed (from the table, after the id it last
 * saw), then live ones as they arrive, each exactly once and in order. Used by every SSE endpoint
 * and GraphQL subscription, so resume behaves the same everywhere.
 */
@ApplicationScoped
public class LiveStreams {

    /** More than any one application, ticket or complaint collects; a board resumes from its recent past. */
    private static final int REPLAY_LIMIT = 1000;

    @Inject
    EventHub hub;

    @Inject
    EventLog log;

    @ConfigProperty(name = "satupintu.sse.heartbeat-seconds", defaultValue = "20")
    int heartbeatSeconds;

    public Multi<PublishedEvent> events(String stream, long afterId) {
        return Multi.createFrom().deferred(() -> {
            // Follow live before reading the table, so nothing committed in between is missed;
            // the processor holds live events until the replay has been sent.
            UnicastProcessor<PublishedEvent> live = UnicastProcessor.create();
            Runnable unfollow = hub.follow(stream, live::onNext);
            AtomicLong lastSent = new AtomicLong(afterId);
            return Multi.createBy().concatenating().streams(log.after(stream, afterId, REPLAY_LIMIT), live)
                    .select().where(event -> event.id() > lastSent.getAndAccumulate(event.id(), Math::max))
                    .onTermination().invoke(unfollow);
        });
    }

    /**
     * Server-sent events with heartbeats: proxies and ingresses close a stream that stays silent,
     * so a comment goes out every few seconds.
     */
    public Multi<OutboundSseEvent> sse(Sse sse, String stream, String lastEventId) {
        long after = parseLastEventId(lastEventId);
        Multi<OutboundSseEvent> events = events(stream, after).map(event -> sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .name(event.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(event.payload().encode())
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(Duration.ofSeconds(heartbeatSeconds))
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    /** Last-Event-ID as sent by EventSource on reconnect; absent means "from the beginning". */
    public static long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ProblemException.validation("Last-Event-ID", "invalid-format");
        }
    }
}
