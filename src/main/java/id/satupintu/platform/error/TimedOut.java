package id.satupintu.platform.error;

import io.vertx.pgclient.PgException;

/**
 * A request that took longer than it may: PostgreSQL cancelled its statement ({@code statement_timeout},
 * SQLSTATE 57014) or the edge stopped waiting for it (platform/web/RequestDeadline). Either way the
 * client is told the same: 503 {@code request-timed-out} with Retry-After, and that a retry with the same
 * Idempotency-Key cannot act twice. Busy, not broken: logged at WARN by the edge, never at ERROR.
 */
public final class TimedOut {

    public static final String CODE = "request-timed-out";

    /** query_canceled: statement_timeout, or a cancel request. */
    private static final String QUERY_CANCELED = "57014";

    private TimedOut() {
    }

    public static ProblemException problem(int retryAfterSeconds) {
        return new ProblemException(503, CODE).header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /**
     * Whether a failure is Vert.x refusing a resource's answer to a request that was already answered:
     * the edge's deadline came first (the only path that answers a request a resource is still working on).
     */
    public static boolean lateAnswer(Throwable failure) {
        return failure instanceof IllegalStateException && "Response has already been written".equals(failure.getMessage());
    }

    /** Whether a failure, or any of its causes, is a statement PostgreSQL cancelled. */
    public static boolean recognises(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
