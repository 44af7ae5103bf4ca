package id.satupintu.homevisit;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Visit days: a team's day out with its capacity, planned by the agency's supervisor. */
@Path("/api/v1/home-visit-days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "home-visits")
public class VisitDayResource {

    @Inject
    HomeVisitService visits;

    @Inject
    CurrentUser currentUser;

    @POST
    public Uni<Response> create(VisitDayInput input) {
        return currentUser.require().flatMap(caller -> visits.createDay(caller, input))
                .map(day -> Response.created(URI.create("/api/v1/home-visit-days/" + day.id())).entity(day).build());
    }

    @GET
    public Uni<List<VisitDay>> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        return currentUser.require().flatMap(caller -> visits.days(caller, QueryParams.parseDate("from", from),
                QueryParams.parseDate("to", to)));
    }

    @GET
    @Path("/{id}")
    public Uni<VisitDay> get(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> visits.day(caller, id));
    }
}
