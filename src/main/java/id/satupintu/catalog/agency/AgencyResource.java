package id.satupintu.catalog.agency;

import id.satupintu.catalog.AgencyService;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @Inject
    Conditional conditional;

    @GET
    public Uni<Response> list(@QueryParam("site") String site,
                              @QueryParam("cursor") String cursor,
                              @QueryParam("limit") String limit,
                              @Context HttpHeaders headers) {
        int size = PageSize.STANDARD.limit(limit);
        return agencies.list(site, cursor, size)
                .map(page -> conditional.ok(headers, page.map(AgencyView::of), Conditional.publicFor(300)));
    }

    @GET
    @Path("/{code}")
    public Uni<Response> get(@PathParam("code") String code, @Context HttpHeaders headers) {
        return agencies.find(code)
                .map(agency -> conditional.ok(headers, AgencyView.of(agency), Conditional.publicFor(300)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull AgencyInput input) {
        return agencies.create(input).map(agency -> Response.created(URI.create("/api/v1/agencies/" + agency.code()))
                .entity(AgencyView.of(agency)).build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<AgencyView> replace(@PathParam("code") String code, @NotNull AgencyInput input) {
        return agencies.replace(code, input).map(AgencyView::of);
    }
}
