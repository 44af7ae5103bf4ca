package id.satupintu.identity;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;
import org.jboss.resteasy.reactive.RestHeader;

/** The caller's own profile, and the public keys that verify access tokens. */
@Path("/")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final SigningKeys keys;

    public MeResource(IdentityService identity, CurrentUser currentUser, SigningKeys keys) {
        this.identity = identity;
        this.currentUser = currentUser;
        this.keys = keys;
    }

    @GET
    @Path("api/v1/me")
    @Authenticated
    @Operation(summary = "The signed-in user or API client; NIK and phone masked, the NIK's verification and the account's notices")
    public Uni<Me> me(@RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return currentUser.require().chain(caller -> identity.me(caller, Messages.negotiate(acceptLanguage)));
    }

    @GET
    @Path(".well-known/jwks.json")
    @Cache(maxAge = 300)
    @Operation(summary = "JSON Web Key Set of the keys that sign access tokens (RFC 7517)")
    public Map<String, List<Map<String, Object>>> jwks() {
        return Map.of("keys", List.of(keys.jwk()));
    }
}
