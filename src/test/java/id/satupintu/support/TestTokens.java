package id.satupintu.support;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
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

    /**
     * A token for the subject. For an API client the client is stored too (once per id, with the
     * token's kind, scopes and binding): the service refuses client tokens whose client it does not
     * know or has revoked (ClientCallGate).
     */
    public static String issue(AccessTokenIssuer.Subject subject) {
        if (subject.client()) {
            Arc.container().instance(Pool.class).get().preparedQuery("""
                            insert into identity_api_client (id, client_id, name, kind, secret_hash, scopes, agency_code,
                              site_code) values ($1, $2, 'Klien token uji', $3, 'none', $4, $5, $6)
                            on conflict do nothing""")
                    .execute(Tuple.from(new Object[] {UUID.fromString(subject.id()), "t-" + subject.id(),
                            subject.roles().iterator().next(), String.join(" ", subject.scopes()),
                            subject.agencyCode(), subject.siteCode()}))
                    .await().atMost(Duration.ofSeconds(10));
        }
        return Arc.container().instance(AccessTokenIssuer.class).get().issue(subject);
    }
}
