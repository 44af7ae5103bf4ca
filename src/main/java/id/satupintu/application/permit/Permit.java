package id.satupintu.application.permit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Name;

/** A permit (izin) issued for an application; created only by {@link PermitService#issue}. */
@Entity
@Table(name = "permit")
public class Permit extends PanacheEntityBase {

    /** Why the permit exists: an officer's decision, or the deadline passing (fiktif positif). */
    @Name("PermitBasis")
    public enum Basis { DECISION, DEEMED_APPROVAL }

    /** What the public verification answers. */
    @Name("PermitStatus")
    public enum Status { VALID, REVOKED, EXPIRED }

    @Id
    public UUID id;
    public String number;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "service_code")
    public String serviceCode;
    @Enumerated(EnumType.STRING)
    public Basis basis;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "verification_code")
    public String verificationCode;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revocation_reason")
    public String revocationReason;

    /** Revoked wins over expired: a revoked permit stays revoked after its end date. */
    Status statusOn(LocalDate today) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return Status.EXPIRED;
        }
        return Status.VALID;
    }
}
