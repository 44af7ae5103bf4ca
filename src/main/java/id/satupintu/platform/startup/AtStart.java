package id.satupintu.platform.startup;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Start-up work that must finish before the service takes requests (the first administrator, the
 * demo data). It runs on a Vert.x context, as reactive clients and Hibernate Reactive need, while
 * the main thread waits; Quarkus refuses the wait if it is ever called on an event loop.
 */
public final class AtStart {

    private AtStart() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("start-up work failed", e);
        }
    }
}
