package id.satupintu.integration.webhook;

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

/** Dead webhook deliveries, for administrators: inspect and replay. */
@Path("/api/v1/webhooks/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@RolesAllowed("**")
public class WebhookDeadLetterResource {

    @Inject
    WebhookDeadLetters deadLetters;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Page<DeadLetter>> list(@QueryParam("subscription") String subscription,
                                      @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") String limit) {
        int size = PageSize.STANDARD.limit(limit);
        return currentUser.require().flatMap(caller -> deadLetters.list(caller, subscription, cursor, size));
    }

    /** 202: the delivery is pending again and goes out shortly. */
    @POST
    @Path("/{id}/replay")
    public Uni<Response> replay(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> deadLetters.replay(caller, id))
                .map(done -> Response.accepted().build());
    }
}
