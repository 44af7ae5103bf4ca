package id.satupintu.complaint.handling;

import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintRecorder;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.complaint.ComplaintState;
import id.satupintu.platform.events.HistoryRecorder;
import id.satupintu.platform.events.NewEvent;
import id.satupintu.platform.jobs.WatchedDeadlines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The running complaint deadlines as {@link ComplaintWatch} sees them: which complaints are near or
 * past their deadline, and what it announces about one (in its transaction, the row locked).
 */
@ApplicationScoped
class ComplaintDeadlines implements WatchedDeadlines<UUID, Complaint> {

    @Inject
    ComplaintConfig config;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    HistoryRecorder history;

    @Override
    public int warnWorkingDays() {
        return config.complaints().dueSoonWorkingDays();
    }

    @Override
    public Uni<List<UUID>> dueBy(LocalDate horizon) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select c.id from Complaint c where c.dueOn is not null and c.dueOn <= ?1 "
                                + "and c.lateAt is null order by c.dueOn", UUID.class)
                .setParameter(1, horizon).getResultList());
    }

    @Override
    public Uni<Complaint> lock(UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select id from complaint where id = ?1 and due_on is not null and late_at is null "
                                        + "for update skip locked", Object.class)
                        .setParameter(1, id).getResultList())
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().nullItem()
                        : Complaint.<Complaint>findById(id));
    }

    @Override
    public Uni<Integer> workingDaysLeft(Complaint c, Instant now) {
        return calendar.localDate(c.siteCode, now)
                .flatMap(today -> calendar.workingDaysBetween(c.siteCode, today, c.dueOn));
    }

    @Override
    public boolean warned(Complaint c) {
        return c.dueSoonAt != null;
    }

    /** The running deadline has passed: flagged once, recorded for the supervisors' report, escalated. */
    @Override
    public Uni<Boolean> breach(Complaint c, Instant now) {
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
                .flatMap(ignored -> history.announce(List.of(new NewEvent(c.stream(), "complaint.late", payload),
                        // The site's supervisors follow their desk stream: the escalation reaches them there.
                        new NewEvent(Complaint.deskStream(c.siteCode), "complaint.escalated", escalation))))
                .replaceWith(true);
    }

    /** Few working days are left: told once per deadline. */
    @Override
    public Uni<Boolean> warn(Complaint c, Instant now, int workingDaysLeft) {
        c.dueSoonAt = Complaint.timestamp(now);
        Map<String, Object> payload = ComplaintRecorder.payload(c, "due-soon", c.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return history.announce(List.of(new NewEvent(c.stream(), "complaint.due-soon", payload),
                new NewEvent(Complaint.deskStream(c.siteCode), "complaint.due-soon", payload))).replaceWith(true);
    }
}
