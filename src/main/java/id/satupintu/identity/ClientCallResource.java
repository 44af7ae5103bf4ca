package id.satupintu.identity;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Page;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of API clients' calls, newest first: administrators only. */
@Path("/api/v1/api-client-calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class ClientCallResource {

    @Inject
    ClientCalls calls;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<Page<ClientCallView>> list(@QueryParam("client") String client, @QueryParam("status") String status,
                                          @QueryParam("method") String method, @QueryParam("since") String since,
                                          @QueryParam("until") String until, @QueryParam("path") String path,
                                          @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") String limit) {
        int size = PageSize.AUDIT.limit(limit);
        return currentUser.requireRole(Roles.ADMIN).flatMap(admin -> calls.list(new ClientCalls.Filter(client,
                QueryParams.parseInteger("status", status), method, QueryParams.parseInstant("since", since),
                QueryParams.parseInstant("until", until), path), cursor, size));
    }
}
