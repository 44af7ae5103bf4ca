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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sites/{code}/lanes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class LaneResource {

    @Inject
    LaneService lanes;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<List<Lane>> list(@PathParam("code") String siteCode) {
        return lanes.list(siteCode);
    }

    @GET
    @Path("/{prefix}")
    public Uni<Lane> get(@PathParam("code") String siteCode, @PathParam("prefix") String prefix) {
        return lanes.find(siteCode, prefix);
    }

    @POST
    @RolesAllowed("**")
    public Uni<Response> create(@PathParam("code") String siteCode, @Valid @NotNull LaneInput input) {
        return currentUser.require().flatMap(caller -> lanes.create(caller, siteCode, input))
                .map(lane -> Response.created(URI.create("/api/v1/sites/" + siteCode + "/lanes/" + lane.prefix()))
                        .entity(lane).build());
    }

    @PUT
    @Path("/{prefix}")
    @RolesAllowed("**")
    public Uni<Lane> replace(@PathParam("code") String siteCode, @PathParam("prefix") String prefix,
                             @Valid @NotNull LaneInput input) {
        return currentUser.require().flatMap(caller -> lanes.replace(caller, siteCode, prefix, input));
    }
}
