package id.satupintu.complaint;

import id.satupintu.platform.events.HistoryRecorder;
import id.satupintu.platform.events.NewEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what happens to a complaint: the history row and, unless it is an internal note, the
 * event its reporter and staff follow; a new complaint is announced on its site's desk stream too.
 * This is what the complaint's rows and events hold; the {@link HistoryRecorder} writes them.
 */
@ApplicationScoped
public class ComplaintRecorder {

    @Inject
    HistoryRecorder history;

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
        List<NewEvent> events = new ArrayList<>();
        // Internal notes stay off the stream: the reporter follows it.
        if (visibility != Visibility.INTERNAL) {
            Map<String, Object> payload = payload(c, action, to);
            payload.put("fromState", from == null ? null : from.name());
            payload.put("note", note);
            payload.put("reason", "reopen".equals(action) ? null : reason);
            events.add(new NewEvent(c.stream(), "complaint." + action, payload));
            if ("file".equals(action)) {
                events.add(new NewEvent(Complaint.deskStream(c.siteCode), "complaint.filed", payload(c, action, to)));
            }
        }
        return history.record(entry, events);
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
        // Where and what it is about: the survey invitation opened when it is closed or rejected counts there.
        payload.put("siteCode", c.siteCode);
        payload.put("agencyCode", c.agencyCode);
        payload.put("serviceCode", c.serviceCode);
        payload.put("dueOn", c.dueOn == null ? null : c.dueOn.toString());
        payload.put("at", c.updatedAt.toString());
        return payload;
    }
}
