package id.satupintu.complaint.handling;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.jobs.DeadlineWatch;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Watches the running complaint deadlines: announces "due soon" ({@code complaint.due-soon}) when
 * few working days are left and, once a deadline has passed, flags it late, records the breach for
 * the supervisors' report and escalates to the site's desk ({@code complaint.escalated} on the
 * desk stream). Every replica runs it; the pass is the {@link DeadlineWatch}'s (each complaint in
 * its own transaction under {@code FOR UPDATE SKIP LOCKED}), and what was announced is recorded, so
 * nothing happens twice.
 */
@ApplicationScoped
class ComplaintWatch {

    @Inject
    JobRuns jobs;

    @Inject
    DeadlineWatch watch;

    @Inject
    ComplaintDeadlines deadlines;

    @Inject
    Clock clock;

    @Scheduled(every = "${satupintu.complaints.check-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Complaint deadline watch", () -> check(clock.now()));
    }

    /** One pass as of {@code now}; the number of complaints it flagged. */
    Uni<Integer> check(Instant now) {
        return watch.check(deadlines, now);
    }
}
