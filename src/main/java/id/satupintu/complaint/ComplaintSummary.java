package id.satupintu.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A line of a staff or reporter list; no identity or contact. */
public record ComplaintSummary(String trackingCode, ComplaintKind kind, String categoryCode, ReporterMode reporterMode,
                               String title, String siteCode, String agencyCode, ComplaintState state, LocalDate dueOn,
                               boolean late, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ComplaintSummary of(Complaint c) {
        return new ComplaintSummary(c.trackingCode, c.kind, c.categoryCode, c.reporterMode, c.title, c.siteCode,
                c.agencyCode, c.state, c.dueOn, c.lateAt != null, c.createdAt, c.updatedAt);
    }
}
