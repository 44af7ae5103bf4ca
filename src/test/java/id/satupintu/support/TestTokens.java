package id.satupintu.support;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.identity.Roles;
import io.quarkus.arc.Arc;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for tests, signed by the service's own issuer with the service's keys, so a test
 * can act as any role without first creating an account. Tests of the login flows themselves go
 * through /api/v1/auth/token instead.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String citizen(String userId) {
        return issue(new AccessTokenIssuer.Subject(userId, "warga-" + userId, Set.of(Roles.CITIZEN), null, null,
                Set.of(), false));
    }

    public static String staff(String role, String agencyCode, String siteCode) {
        String id = UUID.randomUUID().toString();
        return issue(new AccessTokenIssuer.Subject(id, role + "-" + id.substring(0, 8), Set.of(role), agencyCode,
                siteCode, Set.of(), false));
    }

    public static String admin() {
        return staff(Roles.ADMIN, null, null);
    }

    public static String issue(AccessTokenIssuer.Subject subject) {
        return Arc.container().instance(AccessTokenIssuer.class).get().issue(subject);
    }
}
