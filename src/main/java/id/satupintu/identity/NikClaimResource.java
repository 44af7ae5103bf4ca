package id.satupintu.identity;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff confirming a citizen's NIK at a counter and settling a NIK that two accounts claim. The NIK
 * travels in the body, never in a URL (URLs end up in logs).
 */
@Path("/api/v1/nik-claims")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NikClaimResource {

    private final NikClaims claims;
    private final CurrentUser currentUser;

    public NikClaimResource(NikClaims claims, CurrentUser currentUser) {
        this.claims = claims;
        this.currentUser = currentUser;
    }

    /** The accounts claiming one NIK, newest first. */
    public record Claims(List<NikClaim> items) {
    }

    @POST
    @Path("confirmation")
    @Operation(summary = "Counter staff, officers and supervisors of a site confirm a citizen's NIK after seeing the KTP")
    public Uni<NikClaim> confirm(NikConfirmation input) {
        return currentUser.require().chain(caller -> claims.confirm(caller, input));
    }

    @POST
    @Operation(summary = "Staff: the accounts claiming a NIK (sent in the body), with their verification state")
    public Uni<Claims> lookup(NikInput input) {
        return currentUser.require().chain(caller -> claims.lookup(caller, input)).map(Claims::new);
    }

    @POST
    @Path("settlement")
    @Operation(summary = "Supervisors and administrators settle a disputed NIK: the account kept is verified, the others rejected and told")
    public Uni<Claims> settle(NikSettlement input) {
        return currentUser.require().chain(caller -> claims.settle(caller, input)).map(Claims::new);
    }
}
