package id.satupintu.platform.jobs;

import id.satupintu.platform.error.DatabaseOutage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One run of a scheduled job, with its failure logged by what it is. A job that runs every few seconds
 * would otherwise log an ERROR with a stack trace on every run while PostgreSQL is away (the scheduler's
 * own logging of a failed run): an outage is warned about once a minute per job instead, and the next
 * run after the database returns simply does the work. Any other failure is a fault: ERROR.
 */
@ApplicationScoped
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);

    @Inject
    DatabaseOutage outage;

    /** Runs {@code pass}; the returned Uni never fails, so the scheduler logs nothing itself. */
    public Uni<Void> run(String job, Supplier<Uni<?>> pass) {
        return Uni.createFrom().deferred(pass).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            failed(job, failure);
            return Uni.createFrom().voidItem();
        });
    }

    /** Logs a job's (or a background task's) failure: a warning now and then for an outage, ERROR otherwise. */
    public void failed(String job, Throwable failure) {
        if (!outage.warn(job, failure)) {
            LOG.errorf(failure, "%s failed", job);
        }
    }
}
