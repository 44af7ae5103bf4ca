package id.satupintu.complaint;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A complaint, suggestion or information request and where its handling stands. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tracking_code")
    public String trackingCode;
    @Enumerated(EnumType.STRING)
    public ComplaintKind kind;
    @Column(name = "category_code")
    public String categoryCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_mode")
    public ReporterMode reporterMode;
    /** The citizen's account; null when anonymous. */
    @Column(name = "reporter_id")
    public String reporterId;
    /** The API client that filed it (Open311 apps, integrators), or null. */
    @Column(name = "filed_by_client")
    public String filedByClient;
    /** Encrypted with PersonalDataProtection. */
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "agency_code")
    public String agencyCode;
    /** The agency now handling it (set by forwarding); its officers and supervisors act on it. */
    @Column(name = "forwarded_to")
    public String forwardedTo;
    @Column(name = "service_code")
    public String serviceCode;
    @Column(name = "application_number")
    public String applicationNumber;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public String title;
    public String description;
    public Double latitude;
    public Double longitude;
    public String address;
    @Column(name = "media_url")
    public String mediaUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;
    @Enumerated(EnumType.STRING)
    public ComplaintState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    public RejectReason rejectReason;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "verify_due")
    public LocalDate verifyDue;
    @Column(name = "follow_up_due")
    public LocalDate followUpDue;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "due_soon_at")
    public OffsetDateTime dueSoonAt;
    @Column(name = "late_at")
    public OffsetDateTime lateAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;
    public Integer rating;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The event stream the reporter and staff follow. */
    public String stream() {
        return stream(id);
    }

    public static String stream(UUID id) {
        return "complaint:" + id;
    }

    /** The stream of a site's complaint desk: new complaints, due-soon and escalations. No identities. */
    public static String deskStream(String siteCode) {
        return "complaint-desk:" + siteCode;
    }

    /** An instant as a complaint's times are kept: in UTC, to the microsecond the database stores. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
