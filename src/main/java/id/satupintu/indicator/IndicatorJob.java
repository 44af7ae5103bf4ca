package id.satupintu.indicator;

import id.satupintu.application.ApplicationIndicators;
import id.satupintu.complaint.ComplaintIndicators;
import id.satupintu.homevisit.HomeVisitIndicators;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.queue.QueueIndicators;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stores the daily figures of the days that are over, feature by feature, each in its own table and its own
 * transaction. Every replica runs the job; each feature's step takes a transaction-scoped advisory lock, so one
 * replica does the work and the others skip, and each step marks what it stored, so a later run adds nothing.
 */
@ApplicationScoped
public class IndicatorJob {

    private static final Logger LOG = Logger.getLogger(IndicatorJob.class);

    /** What one run took in: closed queue days, and sites whose application, complaint and home-visit figures moved on. */
    public record Run(int queueDays, int applicationSites, int complaintSites, int homeVisitSites) {
    }

    @Inject
    QueueIndicators queue;

    @Inject
    ApplicationIndicators applications;

    @Inject
    ComplaintIndicators complaints;

    @Inject
    HomeVisitIndicators homeVisits;

    @Inject
    Clock clock;

    @Inject
    JobRuns jobs;

    @Scheduled(every = "${satupintu.indicators.materialize-every}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Indicators", () -> run(clock.now()).invoke(run -> {
            if (run.queueDays() + run.applicationSites() + run.complaintSites() + run.homeVisitSites() > 0) {
                LOG.infof("Indicators stored: %s", run);
            }
        }));
    }

    /** Stores what is over at {@code now}; zeros when another replica holds the locks or nothing is due. */
    public Uni<Run> run(Instant now) {
        return queue.materialize(now).flatMap(q -> applications.materialize(now)
                .flatMap(a -> complaints.materialize(now)
                .flatMap(c -> homeVisits.materialize(now).map(v -> new Run(q, a, c, v)))));
    }
}
