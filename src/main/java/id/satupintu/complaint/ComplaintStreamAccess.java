package id.satupintu.complaint;

import id.satupintu.complaint.handling.ComplaintDesk;
import id.satupintu.platform.security.CurrentUser;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Decides who may follow a complaint before its SSE stream starts (afterwards the status cannot
 * change): a stranger gets a plain 404 problem. An anonymous reporter presents the secret header.
 */
public class ComplaintStreamAccess {

    public static final String STREAM = "satupintu.complaint.stream";

    @Inject
    CurrentUser currentUser;

    @Inject
    ComplaintReads complaints;

    @Inject
    ComplaintDesk desk;

    @Inject
    CurrentVertxRequest request;

    @ServerRequestFilter
    @FollowsComplaint
    public Uni<Response> check(ContainerRequestContext context) {
        String trackingCode = context.getUriInfo().getPathParameters().getFirst("trackingCode");
        String secret = context.getHeaderString(ComplaintResource.SECRET);
        return currentUser.find()
                .flatMap(caller -> complaints.streamOf(caller.orElse(null), trackingCode, secret))
                .map(stream -> {
                    request.getCurrent().put(STREAM, stream);
                    return null;
                });
    }

    /** The desk stream (new complaints, due-soon, escalations) is for the site's supervisors and admins. */
    @ServerRequestFilter
    @FollowsComplaintDesk
    public Uni<Response> checkDesk(ContainerRequestContext context) {
        String siteCode = context.getUriInfo().getPathParameters().getFirst("siteCode");
        return currentUser.require()
                .flatMap(caller -> desk.deskStreamOf(caller, siteCode))
                .map(stream -> {
                    request.getCurrent().put(STREAM, stream);
                    return null;
                });
    }
}
