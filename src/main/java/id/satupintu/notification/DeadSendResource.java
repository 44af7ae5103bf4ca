package id.satupintu.notification;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.Page;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dead notification sends, for administrators: inspect and send again. */
@Path("/api/v1/notification-sends/dead")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
@RolesAllowed("**")
public class DeadSendResource {

    @Inject
    DeadSends deadSends;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Page<DeadSends.DeadSend>> list(@QueryParam("channel") String channel, @QueryParam("cursor") String cursor,
                                              @QueryParam("limit") String limit) {
        int size = PageSize.STANDARD.limit(limit);
        return currentUser.require().flatMap(caller -> deadSends.list(caller, channel, cursor, size));
    }

    /** 202: the send is pending again and goes out shortly. */
    @POST
    @Path("/{id}/replay")
    public Uni<Response> replay(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> deadSends.replay(caller, id))
                .map(done -> Response.accepted().build());
    }
}
