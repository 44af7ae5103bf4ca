package id.satupintu.complaint.open311;

import id.satupintu.identity.TokenService;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * GeoReport's api_key is an API client's {@code client_id:client_secret}, checked like a
 * client_credentials sign-in (same throttle); the client needs scope complaints:write. Every
 * failure is a 403, as the specification has it for a missing or wrong key.
 */
@ApplicationScoped
class Open311ApiKeys {

    @Inject
    TokenService tokens;

    /** The API client an api_key names. */
    Uni<Caller> client(String apiKey) {
        if (apiKey == null) {
            return Uni.createFrom().failure(new ProblemException(403, "open311-api-key-missing"));
        }
        int colon = apiKey.indexOf(':');
        if (colon < 1) {
            return Uni.createFrom().failure(new ProblemException(403, "open311-api-key-invalid"));
        }
        return tokens.authenticateClient(apiKey.substring(0, colon), apiKey.substring(colon + 1))
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 401
                        ? new ProblemException(403, "open311-api-key-invalid") : e)
                .invoke(caller -> {
                    if (!caller.hasScope(Scopes.COMPLAINTS_WRITE)) {
                        throw new ProblemException(403, "open311-api-key-scope", Scopes.COMPLAINTS_WRITE);
                    }
                });
    }
}
