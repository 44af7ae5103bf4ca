package id.satupintu.queue;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.persistence.Rows;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Who may do what at a site's queue, and small helpers shared by the queue services. */
public final class QueueAccess {

    private QueueAccess() {
    }

    /** Lanes and counters are set up by an admin, or by a supervisor of that site. */
    public static void requireSiteManager(Caller caller, String siteCode) {
        boolean admin = !caller.client() && caller.hasRole(Roles.ADMIN);
        boolean supervisor = !caller.client() && caller.hasRole(Roles.SUPERVISOR) && siteCode.equals(caller.siteCode());
        if (!admin && !supervisor) {
            throw ProblemException.forbidden();
        }
    }

    /** Counter sessions and calls belong to the counter staff of the site. */
    public static void requireCounterStaff(Caller caller, String siteCode) {
        if (caller.client() || !caller.hasRole(Roles.COUNTER_STAFF) || !siteCode.equals(caller.siteCode())) {
            throw ProblemException.forbidden();
        }
    }

    /** Any member of staff bound to the site (or an admin) may read the site's tickets. */
    public static boolean isStaffOf(Caller caller, String siteCode) {
        return caller.isStaff() && (caller.hasRole(Roles.ADMIN) || siteCode.equals(caller.siteCode()));
    }

    /** A malformed id is simply an unknown one. */
    public static UUID parseId(String what, String id) {
        return Rows.parseId(what, id);
    }

    /** The first row mapped, or a not-found problem for what was looked up. */
    public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper, String what, Object id) {
        return Rows.first(rows, mapper, what, id);
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        return Rows.all(rows, mapper);
    }

    public static boolean violates(Throwable failure, String constraint) {
        return Rows.violates(failure, constraint);
    }
}
