package id.satupintu.complaint.handling;

import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Watches the running complaint deadlines: announces "due soon" ({@code complaint.due-soon}) when
 * few working days are left and, once a deadline has passed, flags it late, records the breach for
 * the supervisors' report and escalates to the site's desk ({@code complaint.escalated} on the
 * desk stream). Every replica runs it; each complaint is handled in its own transaction under
 * {@code FOR UPDATE SKIP LOCKED}, and what was announced is recorded, so nothing happens twice.
 */
@ApplicationScoped
class ComplaintWatch {

    private static final Logger LOG = Logger.getLogger(ComplaintWatch.class);
    /** Enough calendar days to cover the due-soon span over the longest holiday cluster (Idul Fitri). */
    private static final int CALENDAR_MARGIN_DAYS = 16;

    @Inject
    ComplaintDeadlines deadlines;

    @Inject
    ComplaintSettings settings;

    @Inject
    WorkingDayCalendar calendar;

    @Scheduled(every = "${satupintu.complaints.check-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check(Instant.now()).onFailure().invoke(e -> LOG.error("Complaint deadline watch failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass as of {@code now}; the number of complaints it flagged. */
    Uni<Integer> check(Instant now) {
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(settings.dueSoonWorkingDays() + CALENDAR_MARGIN_DAYS);
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createSelectionQuery(
                                "select c.id from Complaint c where c.dueOn is not null and c.dueOn <= ?1 "
                                        + "and c.lateAt is null order by c.dueOn", UUID.class)
                        .setParameter(1, horizon).getResultList()))
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> watch(id, now)))
                        .collect().asList())
                .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> watch(UUID id, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select id from complaint where id = ?1 and due_on is not null and late_at is null "
                                        + "for update skip locked", Object.class)
                        .setParameter(1, id).getResultList())
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().item(false)
                        : Complaint.<Complaint>findById(id).flatMap(c -> calendar.localDate(c.siteCode, now)
                                .flatMap(today -> calendar.workingDaysBetween(c.siteCode, today, c.dueOn))
                                .flatMap(left -> act(c, left, now))));
    }

    private Uni<Boolean> act(Complaint c, int left, Instant now) {
        if (left < 0) {
            return deadlines.markLate(c, now);
        }
        if (left <= settings.dueSoonWorkingDays() && c.dueSoonAt == null) {
            return deadlines.markDueSoon(c, now, left);
        }
        return Uni.createFrom().item(false);
    }
}
