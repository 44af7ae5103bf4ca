package id.satupintu.platform.security;

import id.satupintu.platform.error.ProblemException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from a verified access token: a person (user) or a system (API client).
 * Other features take decisions on this rather than on raw JWT claims.
 *
 * @param id         the user's or the API client's UUID (the token subject)
 * @param name       username, or the client_id for a client
 * @param agencyCode the agency a member of staff or a device is bound to, or null
 * @param siteCode   the site (MPP / gerai) a member of staff or a device is bound to, or null
 * @param client     true for API clients (integrator, kiosk, drive_thru, display_board)
 * @param scopes     scopes granted to an API client; empty for people
 */
public record Caller(String id, String name, Set<String> roles, String agencyCode, String siteCode, boolean client,
                     Set<String> scopes) {

    public static Caller of(JsonWebToken jwt) {
        String scope = jwt.getClaim("scope");
        return new Caller(jwt.getSubject(), jwt.getName(), Set.copyOf(jwt.getGroups()), claim(jwt, "agency"),
                claim(jwt, "site"), "client".equals(jwt.getClaim("sub_type")), Scopes.split(scope));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** This caller, when a person or a client granted the scope; 403 insufficient-scope otherwise. */
    public Caller requireScope(String scope) {
        return Scopes.require(this, scope);
    }

    /**
     * Whether a client's binding takes in an object of this agency and site: an unbound client's does;
     * a client bound to an agency or a site sees only objects of that agency or site (tenancy).
     */
    public boolean bindingCovers(String objectAgency, String objectSite) {
        return (agencyCode == null || agencyCode.equals(objectAgency)) && (siteCode == null || siteCode.equals(objectSite));
    }

    /**
     * This caller, when a person or a client whose binding takes in the agency and site of what it asks
     * to create (an application, a ticket); 403 client-binding-excludes naming the agency otherwise.
     * People pass: their role and their own agency decide for them, as with scopes. Creating is refused
     * openly because the client named the service itself; reading another agency's object is 404 instead.
     */
    public Caller requireBinding(String objectAgency, String objectSite) {
        if (client && !bindingCovers(objectAgency, objectSite)) {
            throw new ProblemException(403, "client-binding-excludes", objectAgency);
        }
        return this;
    }

    public boolean isCitizen() {
        return !client && roles.contains(Roles.CITIZEN);
    }

    public boolean isStaff() {
        return !client && roles.stream().anyMatch(Roles.STAFF_ROLES::contains);
    }

    /** The subject as a UUID; empty when the token was not issued for a stored account. */
    public Optional<UUID> uuid() {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            return Optional.empty();
        }
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString();
    }
}
