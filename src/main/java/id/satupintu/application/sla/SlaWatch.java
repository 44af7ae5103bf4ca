package id.satupintu.application.sla;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.jobs.DeadlineWatch;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Watches running SLA clocks: warns (event {@code application.sla-warning}) when few working days
 * are left, marks a breach (event {@code application.sla-breached}) once the deadline has passed,
 * and for services whose standard grants deemed approval (fiktif positif) takes the
 * {@code deem-approve} step instead, with the passed deadline as its reason. Every replica runs it;
 * the pass is the {@link DeadlineWatch}'s (each application in its own transaction under
 * {@code FOR UPDATE SKIP LOCKED}), and what was announced is recorded, so nothing happens twice.
 */
@ApplicationScoped
public class SlaWatch {

    @Inject
    JobRuns jobs;

    @Inject
    DeadlineWatch watch;

    @Inject
    SlaDeadlines deadlines;

    @Inject
    Clock clock;

    @Scheduled(every = "${satupintu.sla.check-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("SLA watch", () -> check(clock.now()));
    }

    /** One pass over the running clocks as of {@code now}; the number of applications it changed. */
    public Uni<Integer> check(Instant now) {
        return watch.check(deadlines, now);
    }
}
