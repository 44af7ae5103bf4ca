package id.satupintu.application.sla;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches running SLA clocks: warns (event {@code application.sla-warning}) when few working days
 * are left, marks a breach (event {@code application.sla-breached}) once the deadline has passed,
 * and for services whose standard grants deemed approval (fiktif positif) takes the
 * {@code deem-approve} step instead, with the passed deadline as its reason. Every replica runs it;
 * each application is handled in its own transaction under {@code FOR UPDATE SKIP LOCKED}, and what
 * was announced is recorded, so nothing happens twice.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    /** Enough calendar days to cover the warning span over the longest holiday cluster (Idul Fitri). */
    private static final int CALENDAR_MARGIN_DAYS = 16;

    @Inject
    SlaClock clock;

    @Inject
    SlaDeadlines deadlines;

    @ConfigProperty(name = "satupintu.sla.warn-working-days", defaultValue = "2")
    int warnWorkingDays;

    @Scheduled(every = "${satupintu.sla.check-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check(Instant.now()).onFailure().invoke(e -> LOG.error("SLA watch failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass over the running clocks as of {@code now}; the number of applications it changed. */
    public Uni<Integer> check(Instant now) {
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(warnWorkingDays + CALENDAR_MARGIN_DAYS);
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createSelectionQuery(
                                "select a.trackingNumber from Application a where a.state in ?1 and a.deadline <= ?2 "
                                        + "and a.slaBreachedAt is null order by a.deadline", String.class)
                        .setParameter(1, List.copyOf(ApplicationState.CLOCK_RUNNING)).setParameter(2, horizon)
                        .getResultList()))
                .flatMap(numbers -> Multi.createFrom().iterable(numbers)
                        .onItem().transformToUniAndConcatenate(number -> Panache.withTransaction(
                                () -> watch(number, now)))
                        .collect().asList())
                .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> watch(String trackingNumber, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select id from application where tracking_number = ?1 and state in "
                                        + "('SUBMITTED', 'IN_VERIFICATION', 'IN_TECHNICAL_REVIEW') "
                                        + "and sla_breached_at is null for update skip locked", Object.class)
                        .setParameter(1, trackingNumber).getResultList())
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().item(false)
                        : Application.<Application>find("trackingNumber", trackingNumber).firstResult()
                                .flatMap(app -> clock.workingDaysLeft(app, now)
                                        .flatMap(left -> act(app, left, now))));
    }

    private Uni<Boolean> act(Application app, Integer left, Instant now) {
        if (left == null) {
            return Uni.createFrom().item(false);
        }
        if (left < 0) {
            return deadlines.breach(app, now);
        }
        if (left <= warnWorkingDays && app.slaWarnedAt == null) {
            return deadlines.warn(app, now, left);
        }
        return Uni.createFrom().item(false);
    }
}
