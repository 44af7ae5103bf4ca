package id.satupintu.queue.ticket;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sites/{code}/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class SiteTicketResource {

    @Inject
    TicketService tickets;

    @Inject
    CurrentUser currentUser;

    @POST
    @RolesAllowed("**")
    public Uni<Response> issue(@PathParam("code") String siteCode, @Valid @NotNull TicketRequest request) {
        return currentUser.require()
                .flatMap(caller -> tickets.issue(caller, siteCode, request).flatMap(ticket -> tickets.view(caller, ticket)))
                .map(view -> Response.created(URI.create("/api/v1/tickets/" + view.id())).entity(view).build());
    }
}
