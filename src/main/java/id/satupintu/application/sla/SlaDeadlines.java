package id.satupintu.application.sla;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationConfig;
import id.satupintu.application.ApplicationState;
import id.satupintu.application.StepRecorder;
import id.satupintu.application.WorkflowSteps;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.jobs.WatchedDeadlines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The running SLA clocks as {@link SlaWatch} sees them: which applications are near or past their
 * deadline, and what it does about one inside its transaction with the row locked: a warning to the
 * followers, a breach mark, or deemed approval where the standard grants it.
 */
@ApplicationScoped
class SlaDeadlines implements WatchedDeadlines<String, Application> {

    @Inject
    SlaClock sla;

    @Inject
    ServiceCatalog catalog;

    @Inject
    StepRecorder recorder;

    @Inject
    WorkflowSteps steps;

    @Inject
    Clock clock;

    @Inject
    ApplicationConfig config;

    @Override
    public int warnWorkingDays() {
        return config.sla().warnWorkingDays();
    }

    @Override
    public Uni<List<String>> dueBy(LocalDate horizon) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select a.trackingNumber from Application a where a.state in ?1 and a.deadline <= ?2 "
                                + "and a.slaBreachedAt is null order by a.deadline", String.class)
                .setParameter(1, List.copyOf(ApplicationState.CLOCK_RUNNING)).setParameter(2, horizon)
                .getResultList());
    }

    @Override
    public Uni<Application> lock(String trackingNumber) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select id from application where tracking_number = ?1 and state in "
                                        + "('SUBMITTED', 'IN_VERIFICATION', 'IN_TECHNICAL_REVIEW') "
                                        + "and sla_breached_at is null for update skip locked", Object.class)
                        .setParameter(1, trackingNumber).getResultList())
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().nullItem()
                        : Application.<Application>find("trackingNumber", trackingNumber).firstResult());
    }

    @Override
    public Uni<Integer> workingDaysLeft(Application app, Instant now) {
        return sla.workingDaysLeft(app, now);
    }

    @Override
    public boolean warned(Application app) {
        return app.slaWarnedAt != null;
    }

    /** The deadline has passed: deemed approval where the standard grants it, else a breach mark. */
    @Override
    public Uni<Boolean> breach(Application app, Instant now) {
        return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
            app.slaBreachedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (Boolean.TRUE.equals(standard.standard().deemedApproval())) {
                String reason = "No decision by the deadline " + app.deadline
                        + ": deemed approved (UU 30/2014 art. 53 as amended by UU 11/2020)";
                return steps.deemApprove(app, reason, now).replaceWith(true);
            }
            app.updatedAt = clock.timestamp();
            Map<String, Object> payload = recorder.publicPayload(app, "sla-breached", app.state);
            return recorder.announce(app, "sla-breached", payload).replaceWith(true);
        });
    }

    /** Few working days are left on a running clock: tells the followers once per deadline. */
    @Override
    public Uni<Boolean> warn(Application app, Instant now, int workingDaysLeft) {
        app.slaWarnedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> payload = recorder.publicPayload(app, "sla-warning", app.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return recorder.announce(app, "sla-warning", payload).replaceWith(true);
    }
}
