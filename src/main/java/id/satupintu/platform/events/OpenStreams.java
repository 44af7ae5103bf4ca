package id.satupintu.platform.events;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * How many live streams this replica holds, and whether it is stopping. Thousands of idle followers
 * (a hall's boards, phones left open) must not exhaust memory: past {@code satupintu.sse.max-streams}
 * a new one is refused with 503 and Retry-After (another replica, or this one later, takes it). On
 * SIGTERM every stream is told to go, so the graceful shutdown is not held up by streams that never
 * end on their own and followers reconnect elsewhere at once. Application-scoped (a proxy) because
 * the stream guard, a request filter, is made before the configuration can be read.
 */
@ApplicationScoped
public class OpenStreams {

    private static final Logger LOG = Logger.getLogger(OpenStreams.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final AtomicInteger open = new AtomicInteger();
    private final CompletableFuture<Void> closing = new CompletableFuture<>();

    @Inject
    PlatformConfig config;

    /** Refuses a new stream when this replica holds its maximum; call before the response starts. */
    public void admit() {
        if (open.get() >= config.sse().maxStreams()) {
            throw full();
        }
    }

    /** Counts a stream that starts; {@link #release()} when it ends. Refuses past the maximum. */
    void open() {
        if (open.incrementAndGet() > config.sse().maxStreams()) {
            open.decrementAndGet();
            throw full();
        }
    }

    void release() {
        open.decrementAndGet();
    }

    public int count() {
        return open.get();
    }

    /** Completes when the replica starts to stop; already completed for streams opened after that. */
    Uni<Void> closing() {
        // A copy per follower: a follower that goes away cancels its stage, and must not cancel
        // everyone's (Mutiny cancels the stage it was made from).
        return Uni.createFrom().completionStage(closing::copy);
    }

    // Fired before Quarkus waits for in-flight requests (quarkus.shutdown.delay-enabled): an open
    // stream is an in-flight request that would otherwise hold the shutdown until its timeout.
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.infof("Stopping: ending %d live streams with a reconnect hint", open.get());
        closing.complete(null);
    }

    private ProblemException full() {
        LOG.debugf("Live stream refused: %d open, the maximum", open.get());
        return new ProblemException(503, "too-many-streams").header("Retry-After", RETRY_AFTER_SECONDS);
    }
}
