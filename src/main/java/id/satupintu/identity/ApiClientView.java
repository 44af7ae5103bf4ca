package id.satupintu.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** An API client as administrators see it: never its secret, nor the secret's hash. */
// Inside Page<...>, a generic answer: registered by hand so a native image keeps its accessors.
@RegisterForReflection
public record ApiClientView(String clientId, String name, String kind, List<String> scopes, String agencyCode,
                            String siteCode, Integer rateLimit, boolean active, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt, OffsetDateTime secretRotatedAt,
                            OffsetDateTime previousSecretValidUntil, OffsetDateTime revokedAt) {

    static ApiClientView of(ApiClient c, Instant now) {
        return new ApiClientView(c.clientId, c.name, c.kind, List.copyOf(c.scopeSet()), c.agencyCode, c.siteCode,
                c.rateLimit, c.active, c.createdAt, c.updatedAt, c.secretRotatedAt,
                c.inRotationGrace(now) ? c.previousSecretUntil : null, c.revokedAt);
    }
}
