package id.satupintu.platform.error;

import id.satupintu.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The one answer to a failure that reached a door (REST, GraphQL, Open311) unhandled, so that every
 * channel says the same: the client's mistake is its 4xx problem, the database being away is a 503
 * {@code database-unavailable} with Retry-After (warned about, not logged per request), and anything
 * else is our fault: logged at ERROR and answered with a 500 that leaks nothing.
 */
@ApplicationScoped
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    @Inject
    DatabaseOutage outage;

    @Inject
    PlatformConfig config;

    @Inject
    QuietWarnings warnings;

    /** {@code where}: the path or GraphQL field, for the log. */
    public ProblemException problem(Throwable failure, String where) {
        ProblemException mistake = ProblemMappers.clientMistake(failure);
        if (mistake != null) {
            return mistake;
        }
        ProblemException unavailable = outage.problem(failure, where);
        if (unavailable != null) {
            return unavailable;
        }
        if (TimedOut.lateAnswer(failure)) {
            // The edge answered this request when its time was up; the resource's own answer came after.
            LOG.debugf("Late answer on %s dropped: the request had been answered request-timed-out", where);
            return TimedOut.problem(config.database().retryAfterSeconds());
        }
        if (TimedOut.recognises(failure)) {
            warnings.warn(LOG, "statement-timeout", "Statement timeout on " + where + ": answered 503");
            return TimedOut.problem(config.database().retryAfterSeconds());
        }
        LOG.errorf(failure, "Unexpected failure on %s", where);
        return new ProblemException(500, "internal-error");
    }
}
