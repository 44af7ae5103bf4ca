package id.satupintu.complaint.handling;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site's complaint desk: which agencies break deadlines. For the site's supervisors and admins. */
@Path("/api/v1/sites/{siteCode}/complaint-deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class ComplaintDeskResource {

    @Inject
    ComplaintDesk desk;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<List<AgencyDeadlineRecord>> record(@PathParam("siteCode") String siteCode) {
        return currentUser.require().flatMap(caller -> desk.deadlineRecord(caller, siteCode));
    }
}
