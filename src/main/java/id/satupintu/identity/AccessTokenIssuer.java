package id.satupintu.identity;

import io.quarkus.arc.Unremovable;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/** Signs short-lived RS256 access tokens; refresh tokens are opaque and live in the database. */
@ApplicationScoped
@Unremovable // tests look it up programmatically to act as any role
public class AccessTokenIssuer {

    /** Who a token speaks for: a person (user) or a system (API client). */
    public record Subject(String id, String name, Set<String> roles, String agencyCode, String siteCode,
                          Set<String> scopes, boolean client) {
    }

    @Inject
    SigningKeys keys;

    @Inject
    IdentityConfig config;

    public Duration lifetime() {
        return Duration.ofMinutes(config.jwt().accessTokenMinutes());
    }

    /** The claim of a client's token that names the client's token generation (see ClientCallGate). */
    public static final String GENERATION_CLAIM = "gen";

    public String issue(Subject subject) {
        return issue(subject, 0);
    }

    /** A client's token, stamped with its current token generation so that revocation can end it early. */
    public String issue(Subject subject, int generation) {
        JwtClaimsBuilder claims = Jwt.issuer(keys.issuer())
                .subject(subject.id())
                .upn(subject.name())
                .groups(subject.roles())
                .claim("sub_type", subject.client() ? "client" : "user")
                // iat and exp are the JWT library's, from the system clock it also verifies them by: a
                // token's lifetime is security timing, not a business time, so it does not follow the Clock.
                .expiresIn(lifetime());
        if (subject.agencyCode() != null) {
            claims.claim("agency", subject.agencyCode());
        }
        if (subject.siteCode() != null) {
            claims.claim("site", subject.siteCode());
        }
        if (subject.client() && generation != 0) {
            claims.claim(GENERATION_CLAIM, generation);
        }
        if (subject.scopes() != null && !subject.scopes().isEmpty()) {
            claims.claim("scope", String.join(" ", subject.scopes()));
        }
        return claims.jws().keyId(keys.keyId()).sign(keys.privateKey());
    }
}
