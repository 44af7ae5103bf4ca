package id.satupintu.platform.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Runs the resolvers of one GraphQL request one after the other. graphql-java starts sibling fields
 * at once, on the request's Vert.x context, where Hibernate Reactive keeps the one session
 * {@code @WithSession} hands out: two resolvers querying at the same time would share it and fail
 * ("Illegal pop() with non-matching JdbcValuesSourceProcessingState"). Wrap every resolver that
 * touches the database: {@code return ResolverQueue.serialized(() -> service.find(code));}.
 * The CDI request context of the resolver is re-activated when its turn comes.
 */
public final class ResolverQueue {

    private static final String KEY = ResolverQueue.class.getName();

    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean running;

    private ResolverQueue() {
    }

    public static <T> Uni<T> serialized(Supplier<Uni<? extends T>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().<T>deferred(work);
        }
        ResolverQueue queue = context.getLocal(KEY);
        if (queue == null) {
            queue = new ResolverQueue();
            context.putLocal(KEY, queue);
        }
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState state = requestContext.isActive() ? requestContext.getState() : null;
        ResolverQueue mine = queue;
        return Uni.createFrom().<T>emitter(emitter -> mine.submit(() -> {
            boolean activated = state != null && !requestContext.isActive();
            if (activated) {
                requestContext.activate(state);
            }
            try {
                Uni.createFrom().<T>deferred(work)
                        .onTermination().invoke(mine::next)
                        .subscribe().with(emitter::complete, emitter::fail);
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
        }));
    }

    private void submit(Runnable task) {
        synchronized (this) {
            if (running) {
                waiting.add(task);
                return;
            }
            running = true;
        }
        task.run();
    }

    private void next() {
        Runnable task;
        synchronized (this) {
            task = waiting.poll();
            if (task == null) {
                running = false;
                return;
            }
        }
        task.run();
    }
}
