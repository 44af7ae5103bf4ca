package id.satupintu.identity;

import id.satupintu.platform.security.Scopes;

import id.satupintu.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A system that signs in with client credentials: an integrator, a kiosk, a drive-thru lane, a display board. */
@Entity
@Table(name = "identity_api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    public String name;
    /** One of {@link Roles#CLIENT_KINDS}; it is also the role in the client's tokens. */
    public String kind;
    @Column(name = "secret_hash")
    public String secretHash;
    /** Space-separated scopes the client may ask for. */
    public String scopes;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "site_code")
    public String siteCode;
    public boolean active;
    /** Moved on by revocation, rotation and edits: tokens of an older generation are refused. */
    @Column(name = "token_generation")
    public int tokenGeneration;
    /** Calls allowed per rate window; null means the configured default. */
    @Column(name = "rate_limit")
    public Integer rateLimit;
    /** After a rotation with a grace period, the old secret still signs in until previousSecretUntil. */
    @Column(name = "previous_secret_hash")
    public String previousSecretHash;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean inRotationGrace(Instant now) {
        return previousSecretHash != null && previousSecretUntil != null
                && previousSecretUntil.toInstant().isAfter(now);
    }

    public Set<String> scopeSet() {
        return Scopes.split(scopes);
    }

    public static Uni<ApiClient> findByClientId(String clientId) {
        return find("lower(clientId) = ?1", clientId.toLowerCase(Locale.ROOT)).firstResult();
    }
}
