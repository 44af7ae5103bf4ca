package id.satupintu.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This replica's end of the event fan-out. It LISTENs on a dedicated connection (outside the
 * pool: LISTEN does not survive a pooled connection being handed to someone else), reads each
 * announced event and passes it to the local followers of its stream. Notifications sent while
 * the connection was down are lost, so after every (re)connect it catches up from the table.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);
    static final String CHANNEL = "satupintu_events";

    @Inject
    Vertx vertx;

    @Inject
    EventLog log;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Map<String, Set<Consumer<PublishedEvent>>> followers = new ConcurrentHashMap<>();
    private final Set<Consumer<PublishedEvent>> everything = new CopyOnWriteArraySet<>();
    /** The highest event id handed to followers; catch-up starts after it. */
    private final AtomicLong lastDispatched = new AtomicLong(-1);
    private PgSubscriber subscriber;
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(username);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> Math.min(30_000L, 500L * (attempt + 1)));
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> catchUp())
                .handler(this::announced);
        subscriber.closeHandler(v -> {
            if (!stopping) {
                LOG.warn("Event listener connection lost; reconnecting and catching up");
            }
        });
        log.lastId().subscribe().with(last -> {
            lastDispatched.compareAndSet(-1, last);
            subscriber.connect().onFailure(e -> LOG.error("Event listener could not connect", e));
        }, e -> LOG.error("Could not read the last event id", e));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Follows one stream; the returned handle stops following. */
    public Runnable follow(String stream, Consumer<PublishedEvent> follower) {
        followers.computeIfAbsent(stream, s -> new CopyOnWriteArraySet<>()).add(follower);
        return () -> followers.computeIfPresent(stream, (s, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
    }

    /** Follows every event (webhook delivery, boards that filter by prefix). */
    public Runnable followAll(Consumer<PublishedEvent> follower) {
        everything.add(follower);
        return () -> everything.remove(follower);
    }

    private void announced(String payload) {
        long id;
        try {
            id = Long.parseLong(payload);
        } catch (NumberFormatException foreign) {
            return;
        }
        log.byId(id).subscribe().with(event -> {
            if (event != null) {
                dispatch(event);
            }
        }, e -> LOG.warnf(e, "Could not read announced event %d", id));
    }

    private void catchUp() {
        long after = lastDispatched.get();
        if (after < 0) {
            return;
        }
        log.allAfter(after, 10_000).subscribe().with(this::dispatch,
                e -> LOG.warn("Catch-up after reconnect failed", e));
    }

    private void dispatch(PublishedEvent event) {
        lastDispatched.accumulateAndGet(event.id(), Math::max);
        Set<Consumer<PublishedEvent>> set = followers.get(event.stream());
        if (set != null) {
            set.forEach(follower -> deliver(follower, event));
        }
        everything.forEach(follower -> deliver(follower, event));
    }

    private static void deliver(Consumer<PublishedEvent> follower, PublishedEvent event) {
        try {
            follower.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("An event follower failed", e);
        }
    }
}
