package id.satupintu.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one access check in front of every {@link GuardedStream} endpoint. Once an SSE response (or a
 * chunked download) has started, its status cannot change, so the decision is taken here, before the
 * resource method runs; what the resource's {@link StreamAdmission} admitted is handed to the method
 * through {@link #admitted()}.
 */
@ApplicationScoped
public class StreamGuard {

    private static final String ADMITTED = "satupintu.stream.admitted";

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentVertxRequest request;

    @ServerRequestFilter
    @GuardedStream
    public Uni<Response> check(ContainerRequestContext context, SimpleResourceInfo resource) {
        StreamAdmission admission = admissionOf(resource.getResourceClass());
        return currentUser.find()
                .flatMap(caller -> admission.admit(caller.orElse(null), context))
                .map(admitted -> {
                    request.getCurrent().put(ADMITTED, admitted);
                    return null;
                });
    }

    /** What the admission answered for this request. */
    @SuppressWarnings("unchecked")
    public <T> T admitted() {
        return (T) request.getCurrent().get(ADMITTED);
    }

    private static StreamAdmission admissionOf(Class<?> resourceClass) {
        if (Arc.container().instance(resourceClass).get() instanceof StreamAdmission admission) {
            return admission;
        }
        throw new IllegalStateException(resourceClass.getName() + " has a @GuardedStream endpoint but is not a "
                + "StreamAdmission");
    }
}
