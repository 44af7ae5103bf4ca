package id.satupintu.complaint;

import java.time.OffsetDateTime;

/**
 * One entry of a complaint's history. The reporter sees public entries only and not which member of
 * staff acted (actorId null); staff see internal notes too, but the reporter's own account id only
 * when they may know who reported (never for a confidential complaint read by agency staff).
 */
public record ComplaintHistoryEntry(String action, ComplaintState fromState, ComplaintState toState, String actorRole,
                                    String actorId, String agencyCode, String note, Visibility visibility,
                                    String reason, OffsetDateTime at) {

    public static ComplaintHistoryEntry of(ComplaintHistory h, boolean staffView, boolean seesReporter) {
        boolean reporterEntry = "reporter".equals(h.actorRole);
        String actorId = reporterEntry ? (seesReporter && staffView ? h.actorId : null) : (staffView ? h.actorId : null);
        return new ComplaintHistoryEntry(h.action, h.fromState, h.toState, h.actorRole, actorId,
                h.agencyCode, h.note, h.visibility, h.reason, h.at);
    }
}
