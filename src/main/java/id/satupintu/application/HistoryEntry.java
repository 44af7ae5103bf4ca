package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;
import java.time.OffsetDateTime;

/**
 * One workflow step. The applicant sees public notes only and not which member of staff acted
 * (actorId null) nor to whom an assignment step gave the file (assigneeId null); the agency's staff
 * see everything.
 */
public record HistoryEntry(String action, ApplicationState fromState, ApplicationState toState, String actorRole,
                           String actorId, OffsetDateTime at, String note, Visibility noteVisibility, String reason,
                           String assigneeId) {

    static HistoryEntry of(ApplicationHistory h, boolean staffView) {
        boolean showNote = staffView || h.noteVisibility == Visibility.PUBLIC;
        return new HistoryEntry(h.action, h.fromState, h.toState, h.actorRole, staffView ? h.actorId : null, h.at,
                showNote ? h.note : null, showNote && h.note != null ? h.noteVisibility : null, h.reason,
                staffView ? h.assigneeId : null);
    }
}
