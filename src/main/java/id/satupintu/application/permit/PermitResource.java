package id.satupintu.application.permit;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.Conditional;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/permits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "permits")
public class PermitResource {

    /** A revocation shows to verifiers within this many seconds. */
    private static final int VERIFICATION_MAX_AGE = 60;

    @Inject
    PermitService permits;

    @Inject
    CurrentUser currentUser;

    @Inject
    Conditional conditional;

    /** Public: what the QR code on the permit opens. Only public facts, never the holder's data. */
    @GET
    @Path("/verify/{code}")
    public Uni<Response> verify(@PathParam("code") String code, @Context HttpHeaders headers) {
        return permits.verify(code)
                .map(answer -> conditional.ok(headers, answer, Conditional.publicFor(VERIFICATION_MAX_AGE)));
    }

    /** The issuing agency's officer or supervisor revokes a permit; the reason is public. */
    @POST
    @Path("/{number}/revocation")
    public Uni<PermitView> revoke(@PathParam("number") String number, RevocationInput input) {
        return currentUser.require().flatMap(caller -> permits.revoke(caller, number, input));
    }
}
