package id.satupintu.queue.counter;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sites/{code}/counters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class SiteCounterResource {

    @Inject
    CounterService counters;

    @Inject
    CurrentUser currentUser;

    /** Public counters for anyone; the site's staff and admins see sessions too (who holds one, why paused). */
    @GET
    public Uni<Response> list(@PathParam("code") String siteCode) {
        return currentUser.findOrAnonymous().flatMap(caller -> counters.listFor(caller.orElse(null), siteCode))
                .map(CounterResource::perCaller);
    }

    @POST
    @RolesAllowed("**")
    public Uni<Response> create(@PathParam("code") String siteCode, @Valid @NotNull CounterInput input) {
        return currentUser.require().flatMap(caller -> counters.create(caller, siteCode, input))
                .map(counter -> Response.created(URI.create("/api/v1/counters/" + counter.id())).entity(counter).build());
    }
}
