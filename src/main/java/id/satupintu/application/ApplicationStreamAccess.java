package id.satupintu.application;

import id.satupintu.platform.security.CurrentUser;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Once an SSE response has started its status cannot change, so who may follow an application is
 * decided in a filter, before the stream begins: a stranger gets a plain 404 problem, not a broken
 * stream. The stream name found is handed to the resource through the request.
 */
public class ApplicationStreamAccess {

    static final String STREAM = "satupintu.application.stream";

    @Inject
    CurrentUser currentUser;

    @Inject
    ApplicationReads reads;

    @Inject
    CurrentVertxRequest request;

    @ServerRequestFilter
    @FollowsApplication
    public Uni<Response> check(ContainerRequestContext context) {
        String trackingNumber = context.getUriInfo().getPathParameters().getFirst("trackingNumber");
        return currentUser.require()
                .flatMap(caller -> reads.streamOf(caller, trackingNumber))
                .map(stream -> {
                    request.getCurrent().put(STREAM, stream);
                    return null;
                });
    }
}
