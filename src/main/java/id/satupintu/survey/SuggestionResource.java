package id.satupintu.survey;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Moderation of survey suggestions, for the site's supervisors and admins (originals: never cached). */
@Path("/api/v1/ikm/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class SuggestionResource {

    @Inject
    SuggestionModeration moderation;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Response> list(@QueryParam("site") String site, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("state") String state) {
        return currentUser.require().flatMap(caller -> moderation.list(caller, site, from, to, state))
                .map(SuggestionResource::privately);
    }

    @POST
    @Path("/{id}/publish")
    public Uni<Response> publish(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> moderation.decide(caller, id,
                SuggestionModeration.State.PUBLISHED)).map(SuggestionResource::privately);
    }

    @POST
    @Path("/{id}/hide")
    public Uni<Response> hide(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> moderation.decide(caller, id,
                SuggestionModeration.State.HIDDEN)).map(SuggestionResource::privately);
    }

    private static Response privately(Object body) {
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
