package id.satupintu.platform.events;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A stream's events for one follower: first what it missed (from the table, after the id it last
 * saw), then live ones as they arrive, each exactly once and in order. Used by every SSE endpoint
 * and GraphQL subscription, so resume behaves the same everywhere.
 */
@ApplicationScoped
public class LiveStreams {

    /** Replay is read in pages of this size until it has caught up. */
    private static final int REPLAY_PAGE = 500;

    @Inject
    EventHub hub;

    @Inject
    EventLog log;

    @Inject
    PlatformConfig config;

    @Inject
    OpenStreams streams;

    /** Everything of the stream after {@code afterId} (0: from its beginning), then live events. */
    public Multi<PublishedEvent> events(String stream, long afterId) {
        return follow(stream, afterId, () -> replay(stream, afterId));
    }

    /**
     * For streams that only matter from now on (a hall's display board): without a position the
     * follower gets the {@code recent} newest events, not the stream's whole history.
     */
    public Multi<PublishedEvent> recentEvents(String stream, Long afterId, int recent) {
        return afterId != null ? events(stream, afterId) : follow(stream, 0, () -> log.latest(stream, recent));
    }

    private Multi<PublishedEvent> follow(String stream, long afterId, Supplier<Multi<PublishedEvent>> past) {
        return Multi.createFrom().deferred(() -> {
            streams.open();
            // Follow live before reading the table, so nothing committed in between is missed;
            // the processor holds live events until the replay has been sent. Within a stream ids
            // commit in order (EventLog.append), so "newer than the last one sent" drops exactly
            // the duplicates.
            UnicastProcessor<PublishedEvent> live = UnicastProcessor.create();
            Backlog backlog = new Backlog(config.sse().maxBacklog());
            Runnable unfollow = hub.follow(stream, event -> {
                if (backlog.add()) {
                    live.onNext(event);
                } else if (backlog.overflowed()) {
                    // A reader this slow would make the processor hold every event ever sent: end
                    // after what is waiting; the follower resumes from the table (Last-Event-ID).
                    live.onComplete();
                }
            });
            AtomicLong lastSent = new AtomicLong(afterId);
            Multi<PublishedEvent> liveSent = live.invoke(event -> backlog.sent());
            return Multi.createBy().concatenating().streams(past.get(), liveSent)
                    .select().where(event -> event.id() > lastSent.getAndAccumulate(event.id(), Math::max))
                    .onTermination().invoke(() -> {
                        unfollow.run();
                        streams.release();
                    });
        });
    }

    /** Live events handed to one follower's processor and not yet sent on. */
    private static final class Backlog {
        private final int max;
        private final AtomicLong waiting = new AtomicLong();
        private final AtomicBoolean over = new AtomicBoolean();

        Backlog(int max) {
            this.max = max;
        }

        /** Counts one more waiting event; false once the backlog is full (and from then on). */
        boolean add() {
            return !over.get() && waiting.incrementAndGet() <= max;
        }

        /** True exactly once: when the backlog first overflowed. */
        boolean overflowed() {
            return over.compareAndSet(false, true);
        }

        void sent() {
            waiting.decrementAndGet();
        }
    }

    /** The stream after an id, page by page until a page comes back short. */
    private Multi<PublishedEvent> replay(String stream, long afterId) {
        return log.after(stream, afterId, REPLAY_PAGE).collect().asList().onItem().transformToMulti(page -> {
            Multi<PublishedEvent> these = Multi.createFrom().iterable(page);
            if (page.size() < REPLAY_PAGE) {
                return these;
            }
            return Multi.createBy().concatenating().streams(these, replay(stream, page.get(page.size() - 1).id()));
        });
    }

    /**
     * Server-sent events with heartbeats: proxies and ingresses close a stream that stays silent,
     * so a comment goes out every few seconds.
     */
    public Multi<OutboundSseEvent> sse(Sse sse, String stream, String lastEventId) {
        return toSse(sse, events(stream, parseLastEventId(lastEventId)));
    }

    /** SSE for a stream that only matters from now on; see {@link #recentEvents}. */
    public Multi<OutboundSseEvent> sseRecent(Sse sse, String stream, String lastEventId, int recent) {
        return sseRecent(sse, stream, lastEventId, recent, UnaryOperator.identity());
    }

    /**
     * As {@link #sseRecent(Sse, String, String, int)}, each payload sent as {@code view} shows it: a
     * public stream says only what its owner allows, whatever an event stored long ago carries.
     */
    public Multi<OutboundSseEvent> sseRecent(Sse sse, String stream, String lastEventId, int recent,
                                             UnaryOperator<JsonObject> view) {
        return sseRecentViewed(sse, stream, lastEventId, recent, payload -> Uni.createFrom().item(view.apply(payload)));
    }

    /**
     * As {@link #sseRecent(Sse, String, String, int, UnaryOperator)}, for a view that must ask before it can show
     * a payload (a link derived and stored when handed out); the events keep their order.
     */
    public Multi<OutboundSseEvent> sseRecentViewed(Sse sse, String stream, String lastEventId, int recent,
                                                   Function<JsonObject, Uni<JsonObject>> view) {
        Long after = lastEventId == null || lastEventId.isBlank() ? null : parseLastEventId(lastEventId);
        return toSse(sse, recentEvents(stream, after, recent).onItem().transformToUniAndConcatenate(event ->
                view.apply(event.payload()).map(payload -> new PublishedEvent(event.id(), event.stream(), event.type(),
                        payload, event.createdAt()))));
    }

    private Multi<OutboundSseEvent> toSse(Sse sse, Multi<PublishedEvent> source) {
        // The end of a stream (this replica stopping, or a reader too slow) is a marker in the
        // merged stream: everything up to it is sent, then a reconnect hint, and the response ends.
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        Multi<OutboundSseEvent> events = source.map(event -> sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .name(event.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(event.payload().encode())
                .build())
                .onCompletion().continueWith(end);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks()
                .every(Duration.ofSeconds(config.sse().heartbeatSeconds()))
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> stopping = streams.closing().map(closed -> end).toMulti();
        OutboundSseEvent reconnect = sse.newEventBuilder().comment("reconnect")
                .reconnectDelay(config.sse().retryMillis()).build();
        return Multi.createBy().concatenating().streams(
                Multi.createBy().merging().streams(events, heartbeats, stopping).select().first(event -> event != end),
                Multi.createFrom().item(reconnect));
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
