package id.satupintu.identity;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Page;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of API clients: administrators only (401 without a token, 403 for anyone else). */
@Path("/api/v1/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class ApiClientResource {

    @Inject
    ApiClientService clients;

    @Inject
    CurrentUser currentUser;

    /** Creates a client; the answer carries its secret, this once (and Cache-Control: no-store). */
    @POST
    public Uni<Response> create(ApiClientInput input) {
        return admin().flatMap(admin -> clients.create(admin, input))
                .map(created -> Response.created(URI.create("/api/v1/api-clients/" + created.client().clientId()))
                        .header("Cache-Control", "no-store").entity(created).build());
    }

    @GET
    public Uni<Page<ApiClientView>> list(@QueryParam("active") String active, @QueryParam("kind") String kind,
                                         @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") String limit) {
        int size = PageSize.STANDARD.limit(limit);
        return admin().flatMap(admin -> clients.list(QueryParams.parseBoolean("active", active), kind, cursor, size));
    }

    @GET
    @Path("/{clientId}")
    public Uni<ApiClientView> get(@PathParam("clientId") String clientId) {
        return admin().flatMap(admin -> clients.find(clientId));
    }

    /** Replaces name, scopes, binding and rate limit; the client's earlier tokens stop working. */
    @PUT
    @Path("/{clientId}")
    public Uni<ApiClientView> replace(@PathParam("clientId") String clientId, ApiClientInput input) {
        return admin().flatMap(admin -> clients.replace(admin, clientId, input));
    }

    /** A new secret, returned once; body {@code {"graceSeconds": n}} optional. */
    @POST
    @Path("/{clientId}/secret")
    public Uni<Response> rotate(@PathParam("clientId") String clientId, RotationInput input) {
        return admin().flatMap(admin -> clients.rotate(admin, clientId, input))
                .map(rotated -> Response.ok(rotated).header("Cache-Control", "no-store").build());
    }

    /** Revokes the client for good; its tokens are refused from their next call. */
    @POST
    @Path("/{clientId}/revocation")
    public Uni<ApiClientView> revoke(@PathParam("clientId") String clientId) {
        return admin().flatMap(admin -> clients.revoke(admin, clientId));
    }

    private Uni<Caller> admin() {
        return currentUser.requireRole(Roles.ADMIN);
    }
}
