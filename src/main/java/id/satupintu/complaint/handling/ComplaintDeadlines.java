package id.satupintu.complaint.handling;

import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintRecorder;
import id.satupintu.complaint.ComplaintState;
import id.satupintu.platform.events.EventLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a deadline's watch announces (called by ComplaintWatch, in its transaction, the row locked). */
@ApplicationScoped
class ComplaintDeadlines {

    @Inject
    EventLog events;

    /** The running deadline has passed: flagged once, recorded for the supervisors' report, escalated. */
    Uni<Boolean> markLate(Complaint c, Instant now) {
        c.lateAt = Complaint.timestamp(now);
        boolean followUp = ComplaintState.FOLLOW_UP_STAGE.contains(c.state);
        String stage = followUp ? "FOLLOW_UP" : "VERIFY";
        String agency = followUp ? c.forwardedTo : null;
        Map<String, Object> payload = ComplaintRecorder.payload(c, "late", c.state);
        payload.put("stage", stage);
        Map<String, Object> escalation = new LinkedHashMap<>(payload);
        escalation.put("agencyCode", agency);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "insert into complaint_breach (complaint_id, stage, due_on, site_code, agency_code, flagged_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, c.id).setParameter(2, stage).setParameter(3, c.dueOn)
                        .setParameter(4, c.siteCode).setParameter(5, agency).setParameter(6, c.lateAt)
                        .executeUpdate())
                .flatMap(ignored -> events.append(c.stream(), "complaint.late", payload))
                // The site's supervisors follow their desk stream: the escalation reaches them there.
                .flatMap(ignored -> events.append(Complaint.deskStream(c.siteCode), "complaint.escalated", escalation))
                .replaceWith(true);
    }

    /** Few working days are left: told once per deadline. */
    Uni<Boolean> markDueSoon(Complaint c, Instant now, int workingDaysLeft) {
        c.dueSoonAt = Complaint.timestamp(now);
        Map<String, Object> payload = ComplaintRecorder.payload(c, "due-soon", c.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return events.append(c.stream(), "complaint.due-soon", payload)
                .flatMap(ignored -> events.append(Complaint.deskStream(c.siteCode), "complaint.due-soon", payload))
                .replaceWith(true);
    }
}
