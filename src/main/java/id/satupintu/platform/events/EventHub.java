package id.satupintu.platform.events;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.persistence.BoundedPool;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    @Inject
    PlatformConfig config;

    // The datasource's own properties: LISTEN needs a connection of its own, outside the pool, to the same database.
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
    private final List<Long> pending = new ArrayList<>();
    private boolean reading;
    /** A catch-up read is running: notifications wait, since dispatching a newer one first would make followers skip the older. */
    private boolean catchingUp;
    private PgSubscriber subscriber;
    private volatile boolean stopping;
    /** Set once the first connect succeeds: before that PgSubscriber.closed() is false although nothing listens. */
    private volatile boolean connectedOnce;
    /**
     * When the listener lost its connection (System.nanoTime()), or 0 while it listens. An outage is told
     * to operators twice, once when it starts (WARN) and once when it is over (INFO); the attempts in
     * between are DEBUG, or a restart of the database would write a WARN every few seconds.
     */
    private volatile long lostSince;

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = BoundedPool.connectTimeout(
                PgConnectOptions.fromUri(config.events().listenUrl().orElse(url)).setUser(username), config.database());
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(EventHub::reconnectDelay);
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> catchUp())
                .handler(this::announced);
        subscriber.closeHandler(v -> {
            if (!stopping) {
                lostSince = System.nanoTime();
                LOG.warn("Event listener connection lost; reconnecting and catching up");
            }
        });
        connect(0);
    }

    /** The reconnect policy only covers a lost connection, not a failed first one: retry that here. */
    private void connect(int attempt) {
        if (stopping) {
            return;
        }
        log.lastId()
                .invoke(last -> lastDispatched.compareAndSet(-1, last))
                .chain(last -> io.smallrye.mutiny.Uni.createFrom().completionStage(
                        subscriber.connect().toCompletionStage()))
                .subscribe().with(connected -> {
                    connectedOnce = true;
                    if (attempt > 0) {
                        LOG.infof("Event listener connected after %d attempts", attempt + 1);
                    } else {
                        LOG.debug("Event listener connected");
                    }
                }, e -> {
                    long delay = reconnectDelay(attempt);
                    if (attempt == 0) {
                        LOG.warnf("Event listener could not connect (%s); retrying every 5 s at most", e.getMessage());
                    } else {
                        LOG.debugf("Event listener could not connect (%s); retrying in %d ms", e.getMessage(), delay);
                    }
                    vertx.setTimer(delay, timer -> connect(attempt + 1));
                });
    }

    /**
     * Milliseconds before the next attempt to reconnect: soon at first, then every 5 s at most, so that a
     * replica is ready again within seconds of the database's return however long the outage lasted.
     */
    static long reconnectDelay(int attempt) {
        return Math.min(5_000L, 500L * (attempt + 1));
    }

    /** Whether this replica currently receives live events, for the readiness check. */
    public boolean listening() {
        return connectedOnce && subscriber != null && !subscriber.closed() && lastDispatched.get() >= 0;
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

    /**
     * Notifications arrive in commit order. They are read in batches, one batch at a time, and
     * dispatched in the order they arrived: reading each on its own could let a later event
     * overtake an earlier one of the same stream, and a follower would then skip the earlier one.
     */
    private void announced(String payload) {
        long id;
        try {
            id = Long.parseLong(payload);
        } catch (NumberFormatException foreign) {
            return;
        }
        synchronized (pending) {
            pending.add(id);
            if (reading || catchingUp) {
                return;
            }
            reading = true;
        }
        readPending();
    }

    private void readPending() {
        List<Long> batch;
        synchronized (pending) {
            if (pending.isEmpty() || catchingUp) {
                reading = false;
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        log.byIds(batch).subscribe().with(events -> {
            Map<Long, PublishedEvent> byId = new HashMap<>();
            events.forEach(event -> byId.put(event.id(), event));
            for (Long id : batch) {
                PublishedEvent event = byId.get(id);
                if (event != null) {
                    dispatch(event);
                }
            }
            readPending();
        }, e -> {
            LOG.warnf(e, "Could not read announced events %s", batch);
            readPending();
        });
    }

    /**
     * After a (re)connect: what was committed while nobody listened goes through the same ordered
     * queue as notifications. Across streams ids need not commit in order, so an event of another
     * stream that committed late within the gap can be missed here; its followers get it when they
     * resume with Last-Event-ID, which reads their stream from the table.
     */
    private void catchUp() {
        long after = lastDispatched.get();
        if (after < 0 || stopping) {
            return;
        }
        synchronized (pending) {
            catchingUp = true;
        }
        log.allAfter(after, 10_000).map(PublishedEvent::id).collect().asList().subscribe().with(ids -> {
            long lost = lostSince;
            if (lost != 0) {
                lostSince = 0;
                LOG.infof("Event listener back after %.1f s; %d missed events caught up",
                        (System.nanoTime() - lost) / 1e9, ids.size());
            }
            boolean start;
            synchronized (pending) {
                // What was missed and what was announced meanwhile, in id order (within a stream ids
                // commit in order), each once.
                TreeSet<Long> merged = new TreeSet<>(ids);
                merged.addAll(pending);
                pending.clear();
                pending.addAll(merged);
                catchingUp = false;
                start = !reading && !pending.isEmpty();
                if (start) {
                    reading = true;
                }
            }
            if (start) {
                readPending();
            }
        }, e -> {
            // The database may be back for LISTEN but not yet for reads: try again, holding the
            // notifications until the catch-up has been read.
            LOG.debugf("Catch-up after reconnect failed (%s); retrying in 1 s", e.getMessage());
            vertx.setTimer(1000, timer -> catchUp());
        });
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
