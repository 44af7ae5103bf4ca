package id.satupintu.application.sla;

import id.satupintu.application.Application;
import id.satupintu.application.StepRecorder;
import id.satupintu.application.WorkflowSteps;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.platform.events.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What {@link SlaWatch} does about a running clock it finds near or past its deadline, inside the
 * watch's transaction with the row locked: a warning to the followers, a breach mark, or deemed
 * approval where the standard grants it.
 */
@ApplicationScoped
class SlaDeadlines {

    @Inject
    ServiceCatalog catalog;

    @Inject
    EventLog events;

    @Inject
    StepRecorder recorder;

    @Inject
    WorkflowSteps steps;

    /** The deadline has passed: deemed approval where the standard grants it, else a breach mark. */
    Uni<Boolean> breach(Application app, Instant now) {
        return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
            app.slaBreachedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (Boolean.TRUE.equals(standard.standard().deemedApproval())) {
                String reason = "No decision by the deadline " + app.deadline
                        + ": deemed approved (UU 30/2014 art. 53 as amended by UU 11/2020)";
                return steps.deemApprove(app, reason, now).replaceWith(true);
            }
            app.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> payload = recorder.publicPayload(app, "sla-breached", app.state);
            return events.append(app.stream(), "application.sla-breached", payload).replaceWith(true);
        });
    }

    /** Few working days are left on a running clock: tells the followers once per deadline. */
    Uni<Boolean> warn(Application app, Instant now, int workingDaysLeft) {
        app.slaWarnedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> payload = recorder.publicPayload(app, "sla-warning", app.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return events.append(app.stream(), "application.sla-warning", payload).replaceWith(true);
    }
}
