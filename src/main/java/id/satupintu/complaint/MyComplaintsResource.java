package id.satupintu.complaint;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.Page;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A citizen's own complaints (identified and confidential; anonymous ones are not linked to anyone). */
@Path("/api/v1/me/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class MyComplaintsResource {

    @Inject
    ComplaintReads complaints;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Page<ComplaintSummary>> mine(@QueryParam("cursor") String cursor,
                                            @QueryParam("limit") String limit) {
        int size = PageSize.PERSONAL.limit(limit);
        return currentUser.require().flatMap(caller -> complaints.mine(caller, cursor, size));
    }
}
