package id.satupintu.catalog.site;

import id.satupintu.catalog.SiteService;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class SiteResource {

    @Inject
    SiteService sites;

    @Inject
    Conditional conditional;

    @GET
    public Uni<Response> list(@QueryParam("cursor") String cursor,
                              @QueryParam("limit") String limit,
                              @Context HttpHeaders headers) {
        int size = PageSize.STANDARD.limit(limit);
        return sites.list(cursor, size)
                .map(page -> conditional.ok(headers, page.map(SiteView::of), Conditional.publicFor(300)));
    }

    @GET
    @Path("/{code}")
    public Uni<Response> get(@PathParam("code") String code, @Context HttpHeaders headers) {
        return sites.find(code).map(site -> conditional.ok(headers, SiteView.of(site), Conditional.publicFor(300)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@Valid @NotNull SiteInput input) {
        return sites.create(input).map(site -> Response.created(URI.create("/api/v1/sites/" + site.code()))
                .entity(SiteView.of(site)).build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<SiteView> replace(@PathParam("code") String code, @Valid @NotNull SiteInput input) {
        return sites.replace(code, input).map(SiteView::of);
    }
}
