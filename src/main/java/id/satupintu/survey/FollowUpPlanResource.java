package id.satupintu.survey;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The follow-up plan of a site's survey period, for its supervisors and admins. */
@Path("/api/v1/ikm/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class FollowUpPlanResource {

    @Inject
    FollowUpPlans plans;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Response> get(@QueryParam("site") String site, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        return currentUser.require().flatMap(caller -> plans.get(caller, site, from, to))
                .map(FollowUpPlanResource::privately);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> write(@QueryParam("site") String site, @QueryParam("from") String from,
                               @QueryParam("to") String to, FollowUpPlans.PlanInput input) {
        return currentUser.require().flatMap(caller -> plans.write(caller, site, from, to, input))
                .map(FollowUpPlanResource::privately);
    }

    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(@QueryParam("site") String site, @QueryParam("from") String from,
                                 @QueryParam("to") String to, FollowUpPlans.PublishInput input) {
        return currentUser.require().flatMap(caller -> plans.publish(caller, site, from, to, input))
                .map(FollowUpPlanResource::privately);
    }

    private static Response privately(Object body) {
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
