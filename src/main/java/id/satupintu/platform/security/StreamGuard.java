package id.satupintu.platform.security;

import id.satupintu.platform.events.OpenStreams;
import io.quarkus.arc.All;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one access check in front of every {@link GuardedStream} endpoint. Once an SSE response (or a
 * chunked download) has started, its status cannot change, so who may follow, and whether the object
 * exists, is decided here, before the resource method runs. What the resource's {@link StreamAdmission}
 * admitted reaches the method through {@link #admitted(Class)}.
 */
@Singleton
public class StreamGuard {

    private static final String ADMITTED = "satupintu.stream.admitted";

    private final Map<Class<?>, StreamAdmission> admissions = new HashMap<>();
    private final CurrentUser currentUser;
    private final CurrentVertxRequest request;
    private final OpenStreams streams;

    @Inject
    StreamGuard(@All List<StreamAdmission> admissions, CurrentUser currentUser, CurrentVertxRequest request,
                OpenStreams streams) {
        this.streams = streams;
        for (StreamAdmission admission : admissions) {
            StreamAdmission before = this.admissions.put(admission.resource(), admission);
            if (before != null) {
                throw new IllegalStateException("Two stream admissions for " + admission.resource().getName()
                        + ": " + before.getClass().getName() + " and " + admission.getClass().getName());
            }
        }
        this.currentUser = currentUser;
        this.request = request;
    }

    @ServerRequestFilter
    @GuardedStream
    public Uni<Response> check(ContainerRequestContext context, SimpleResourceInfo resource) {
        StreamAdmission admission = admissions.get(resource.getResourceClass());
        if (admission == null) {
            throw new IllegalStateException(resource.getResourceClass().getName() + "." + resource.getMethodName()
                    + " is a @GuardedStream without a StreamAdmission for its class");
        }
        // A replica at its maximum of streams refuses before anyone is looked up (503, Retry-After).
        streams.admit();
        return currentUser.find()
                .flatMap(caller -> admission.admit(caller.orElse(null), context))
                .map(admitted -> {
                    request.getCurrent().put(ADMITTED, admitted);
                    return null;
                });
    }

    /** What the admission answered for this request; only a {@link GuardedStream} method may ask. */
    public <T> T admitted(Class<T> type) {
        Object admitted = request.getCurrent().get(ADMITTED);
        if (admitted == null) {
            throw new IllegalStateException("Nothing admitted: the endpoint lacks @GuardedStream");
        }
        return type.cast(admitted);
    }
}
