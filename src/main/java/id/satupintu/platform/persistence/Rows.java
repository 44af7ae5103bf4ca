package id.satupintu.platform.persistence;

import id.satupintu.platform.error.ProblemException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The small helpers of code on the reactive client: ids from paths, rows to records, unique violations. */
public final class Rows {

    private Rows() {
    }

    /** A malformed id is simply an unknown one: a not-found problem for what was looked up. */
    public static UUID parseId(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** The first row mapped, or a not-found problem for what was looked up. */
    public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper, String what, Object id) {
        if (!rows.iterator().hasNext()) {
            throw ProblemException.notFound(what, id);
        }
        return mapper.apply(rows.iterator().next());
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(mapper.apply(row)));
        return items;
    }

    /** Whether the failure is a unique violation of the named constraint (or unique index). */
    public static boolean violates(Throwable failure, String constraint) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && constraint.equals(pg.getConstraint());
    }
}
