package id.satupintu.application;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A permohonan. Rows are inserted by {@link ApplicationFiling} with SQL (tracking-number retry). */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    public enum SubmitterKind { CITIZEN, STAFF, INTEGRATOR }

    @Id
    public UUID id;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "service_code")
    public String serviceCode;
    @Column(name = "standard_version")
    public int standardVersion;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "applicant_id")
    public String applicantId;
    /** Encrypted with PersonalDataProtection; never leaves the service unmasked. */
    @Column(name = "applicant_nik")
    public String applicantNik;
    @Column(name = "applicant_nik_index")
    public String applicantNikIndex;
    @Column(name = "submitted_by")
    public String submittedBy;
    /** The member of staff who last prepared a file on the applicant's behalf (see {@link DutySeparation}). */
    @Column(name = "prepared_by")
    public String preparedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_kind")
    public SubmitterKind submitterKind;
    public String nib;
    public String kbli;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> form;
    @Enumerated(EnumType.STRING)
    public ApplicationState state;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "sla_started_on")
    public LocalDate slaStartedOn;
    @Column(name = "clock_paused_on")
    public LocalDate clockPausedOn;
    public LocalDate deadline;
    /** False when the deadline was counted into a year whose holidays were not entered: it is provisional. */
    @Column(name = "sla_holidays_known")
    public boolean slaHolidaysKnown = true;
    @Column(name = "sla_warned_at")
    public OffsetDateTime slaWarnedAt;
    @Column(name = "sla_breached_at")
    public OffsetDateTime slaBreachedAt;
    /** The officer handling it (an identity user id), or null; shown to the agency's staff only. */
    @Column(name = "assigned_to")
    public UUID assignedTo;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    public String stream() {
        return "application:" + id;
    }
}
