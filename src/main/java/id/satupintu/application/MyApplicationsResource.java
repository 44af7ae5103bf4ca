package id.satupintu.application;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "My applications" for a citizen's app or an integrator, with keyset paging and sync by updatedSince. */
@Path("/api/v1/me/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications")
public class MyApplicationsResource {

    @Inject
    ApplicationReads reads;

    @Inject
    CurrentUser currentUser;

    @Inject
    Conditional conditional;

    /** The caller's applications, most recently changed first; {@code updatedSince} for a client's sync. */
    @GET
    public Uni<Response> mine(@QueryParam("cursor") String cursor,
                              @QueryParam("limit") String limit,
                              @QueryParam("updatedSince") String updatedSince,
                              @Context HttpHeaders headers) {
        int size = PageSize.PERSONAL.limit(limit);
        OffsetDateTime since = QueryParams.parseInstant("updatedSince", updatedSince);
        return currentUser.require().flatMap(caller -> reads.mine(caller, cursor, size, since))
                .map(page -> conditional.ok(headers, page, Conditional.privateNoCache()));
    }
}
