package id.satupintu.catalog.calendar;

import id.satupintu.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Closures of one site (regional holidays, renovation): days its SLAs do not run. */
@Path("/api/v1/sites/{code}/closures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class SiteClosureResource {

    @Inject
    SiteClosureService closures;

    @GET
    public Uni<List<SiteClosureView>> list(@PathParam("code") String code) {
        return closures.list(code).map(list -> list.stream().map(SiteClosureView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> add(@PathParam("code") String code, @Valid @NotNull SiteClosureInput input) {
        return closures.add(code, input).map(closure -> Response
                .created(URI.create("/api/v1/sites/" + closure.siteCode + "/closures/" + closure.id))
                .entity(SiteClosureView.of(closure)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> remove(@PathParam("code") String code, @PathParam("id") UUID id) {
        return closures.remove(code, id);
    }
}
