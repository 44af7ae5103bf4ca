package id.satupintu.integration.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API client's URL that receives, signed, the events matching its event types. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "client_name")
    public String clientName;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public List<String> eventTypes;
    /** {@link #eventTypes} as LIKE patterns, for the fan-out trigger. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "type_patterns")
    public List<String> typePatterns;
    public boolean active;
    /** The body's shape: {@link WebhookSubscriptions#FORMATS}. */
    public String format;
    /** How deliveries are signed: {@link WebhookSignature#SCHEMES}. */
    @Column(name = "signature_scheme")
    public String signatureScheme;
    /** Set when the receiver answered 410 Gone: the subscription was made inactive then, for that reason. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "secret_encrypted")
    public String secretEncrypted;
    @Column(name = "previous_secret_encrypted")
    public String previousSecretEncrypted;
    @Column(name = "previous_secret_expires_at")
    public OffsetDateTime previousSecretExpiresAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
