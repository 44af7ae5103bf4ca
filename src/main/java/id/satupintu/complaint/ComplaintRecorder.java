package id.satupintu.complaint;

import id.satupintu.platform.events.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records what happens to a complaint: the history row and, unless it is an internal note, the
 * event its reporter and staff follow; a new complaint is announced on its site's desk stream too.
 */
@ApplicationScoped
public class ComplaintRecorder {

    @Inject
    EventLog events;

    /** Appends the history row and the event of a step, in the current transaction. */
    public Uni<ComplaintHistory> record(Complaint c, String action, ComplaintState from, ComplaintState to,
                                        String actorId, String actorRole, String agencyCode, String note,
                                        Visibility visibility, String reason) {
        ComplaintHistory entry = new ComplaintHistory();
        entry.complaintId = c.id;
        entry.action = action;
        entry.fromState = from;
        entry.toState = to;
        entry.actorId = actorId;
        entry.actorRole = actorRole;
        entry.agencyCode = agencyCode;
        entry.note = note;
        entry.visibility = visibility;
        entry.reason = reason;
        entry.at = c.updatedAt;
        return entry.<ComplaintHistory>persist().flatMap(saved -> {
            if (visibility == Visibility.INTERNAL) {
                // Internal notes stay off the stream: the reporter follows it.
                return Uni.createFrom().item(saved);
            }
            Map<String, Object> payload = payload(c, action, to);
            payload.put("fromState", from == null ? null : from.name());
            payload.put("note", note);
            payload.put("reason", "reopen".equals(action) ? null : reason);
            Uni<?> desk = "file".equals(action)
                    ? events.append(Complaint.deskStream(c.siteCode), "complaint.filed", payload(c, action, to))
                    : Uni.createFrom().voidItem();
            return events.append(c.stream(), "complaint." + action, payload).flatMap(ignored -> desk)
                    .replaceWith(saved);
        });
    }

    /** What a follower of the complaint may see of a change: never who reported it. */
    public static Map<String, Object> payload(Complaint c, String action, ComplaintState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trackingCode", c.trackingCode);
        payload.put("kind", c.kind.name());
        payload.put("categoryCode", c.categoryCode);
        payload.put("action", action);
        payload.put("state", state.name());
        payload.put("forwardedTo", c.forwardedTo);
        payload.put("dueOn", c.dueOn == null ? null : c.dueOn.toString());
        payload.put("at", c.updatedAt.toString());
        return payload;
    }
}
