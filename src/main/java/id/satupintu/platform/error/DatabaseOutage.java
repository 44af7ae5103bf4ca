package id.satupintu.platform.error;

import id.satupintu.platform.PlatformConfig;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells a failure of PostgreSQL itself (down, restarting, failing over, every pooled connection busy)
 * from a fault of ours. Such a failure is nobody's bug and retrying shortly helps, so requests get a
 * 503 {@code database-unavailable} with Retry-After instead of a 500, and the log gets one WARN a
 * minute per place instead of an ERROR with a stack trace per request or job run: an outage of a few
 * seconds under load would otherwise bury every other line.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    public static final String CODE = "database-unavailable";

    /**
     * SQLSTATEs of a server that cannot serve: connection exceptions (08...), a server shutting down or
     * starting up (57P01-57P03), too many connections (53300).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * What the Vert.x pool and client say, without a type of their own, when no connection is to be had:
     * a pool query that waited past the acquire timeout, a connection borrowed past it, a connection
     * closed under Hibernate Reactive.
     */
    private static final Set<String> UNAVAILABLE_MESSAGES = Set.of("Timeout waiting for connection", "Timeout",
            "Connection not open", "Connection is not active now", "Pool closed", "Connection reset",
            "Connection reset by peer", "Fail to read any response from the server, the underlying connection might"
                    + " get lost unexpectedly.");

    @Inject
    PlatformConfig config;

    /** Per place (a job's name, "requests"): one warning a minute. */
    @Inject
    QuietWarnings warnings;

    /** Whether a failure, or any of its causes, is the database being unreachable. */
    public static boolean recognises(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (unavailable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof ClosedChannelException || t instanceof ClosedConnectionException
                || t instanceof ConnectionPoolTooBusyException) {
            return true;
        }
        if (t instanceof PgException pg && pg.getSqlState() != null) {
            return pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState());
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState());
        }
        // The pool's own timeouts and closed connections come as bare Vert.x exceptions with a message.
        if (t instanceof VertxException || t instanceof NoStackTraceThrowable
                || t instanceof java.io.IOException) {
            String message = t.getMessage();
            return message != null && UNAVAILABLE_MESSAGES.contains(message.strip());
        }
        return false;
    }

    /** The answer to a request that failed because of an outage: 503, retry after the configured seconds. */
    public ProblemException problem() {
        return new ProblemException(503, CODE)
                .header("Retry-After", Integer.toString(config.database().retryAfterSeconds()));
    }

    /**
     * The 503 for a request's failure when the database is away (warned about at most once a minute);
     * null for any other failure.
     */
    public ProblemException problem(Throwable failure, String where) {
        if (!warn("requests", failure)) {
            return null;
        }
        LOG.debugf("%s answered 503: database unavailable", where);
        return problem();
    }

    /**
     * For a job or background task that failed: when the failure is an outage, warns (at most once a
     * minute for {@code place}) and returns true, so the caller logs nothing more; false otherwise.
     */
    public boolean warn(String place, Throwable failure) {
        if (!recognises(failure)) {
            return false;
        }
        warnings.warn(LOG, "database:" + place, "Database unavailable (" + place + "): " + describe(failure));
        return true;
    }

    /** The innermost cause's type and message: enough to tell a refused connection from a timeout. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
