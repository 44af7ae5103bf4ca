package id.satupintu.platform.security;

import id.satupintu.platform.error.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current REST or GraphQL request. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so the identity is obtained through the deferred,
 * non-blocking {@link CurrentIdentityAssociation#getDeferredIdentity()}: safe on the event loop,
 * in REST resources, GraphQL resolvers and the services they call.
 */
@ApplicationScoped
public class CurrentUser {

    @Inject
    CurrentIdentityAssociation identities;

    /** The caller, or empty for an anonymous request. A present but invalid token fails with 401. */
    public Uni<Optional<Caller>> find() {
        return identities.getDeferredIdentity().map(CurrentUser::toCaller);
    }

    /**
     * The caller of a read that anyone may make and whose answer depends on who asks: a token that
     * does not verify counts as no token, as it does on a public endpoint that never asks.
     */
    public Uni<Optional<Caller>> findOrAnonymous() {
        return find().onFailure(AuthenticationFailedException.class).recoverWithItem(Optional.empty());
    }

    /** The caller; fails with a 401 problem for an anonymous request. */
    public Uni<Caller> require() {
        return find().map(caller -> signedIn(caller.orElse(null)));
    }

    /** The caller if they hold one of roles; 401 when anonymous, 403 otherwise. */
    public Uni<Caller> requireRole(String... roles) {
        return require().map(caller -> {
            if (!caller.hasAnyRole(roles)) {
                throw ProblemException.forbidden();
            }
            return caller;
        });
    }

    /**
     * The caller, required to hold the scope when it is an API client (people pass: their role decides).
     * 401 when anonymous, 403 insufficient-scope for a client without it.
     */
    public Uni<Caller> requireScope(String scope) {
        return require().map(caller -> caller.requireScope(scope));
    }

    /** The caller of an endpoint that needs one: a 401 problem when null (anonymous). */
    public static Caller signedIn(Caller caller) {
        if (caller == null) {
            throw new ProblemException(401, "unauthorized");
        }
        return caller;
    }

    static Optional<Caller> toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.of(Caller.of(jwt));
    }
}
