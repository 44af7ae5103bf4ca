package id.satupintu.platform.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one way a feature keeps daily figures of its own facts per site, agency, service and site-local date
 * (the service indicators): a job step stores each site's days up to yesterday, and a read adds the days after
 * the last one stored (today, normally) computed live by the same aggregate, so stored and live figures cannot
 * differ in definition. The feature writes the aggregate, a CTE {@code figures} over a CTE
 * {@code span (site_code, time_zone, first_day, last_day)} of site days; this class wraps it.
 */
public final class DailyFigures {

    /** The statements of one feature's figures. */
    public record Statements(String lock, String materialize, String read) {
    }

    private DailyFigures() {
    }

    /**
     * For figures whose days are final at the site's midnight: {@code throughTable (site_code, through)} keeps
     * the last local date stored per site. {@code figures} yields site_code, agency_code, service_code and
     * {@code columns} (local_date first). The read takes $1 site, $2 agency, $3 service (null: all), $4 from,
     * $5 to and $6 now, and yields agency_code and {@code columns} ordered by local date (the agency, so that a
     * reader can cut the site's figures by agency in one read).
     */
    public static Statements throughYesterday(String lockName, String dayTable, String throughTable, String figures,
                                              String columns) {
        String localToday = "($1::timestamptz at time zone z.time_zone)::date";
        String materialize = "with span as (select z.code as site_code, z.time_zone,"
                + " coalesce(t.through + 1, date '0001-01-01') as first_day, " + localToday + " - 1 as last_day"
                + " from catalog_site_zone z left join " + throughTable + " t on t.site_code = z.code"
                + " where coalesce(t.through, date '0001-01-01') < " + localToday + " - 1), "
                + figures + ", stored as (insert into " + dayTable + " (site_code, agency_code, service_code, "
                + columns + ") select site_code, agency_code, service_code, " + columns + " from figures returning 1)"
                + " insert into " + throughTable + " (site_code, through) select site_code, last_day from span"
                + " on conflict (site_code) do update set through = excluded.through";
        String mark = "mark as (select coalesce((select through from " + throughTable + " where site_code = $1),"
                + " date '0001-01-01') as through)";
        return new Statements(lockName, materialize, read(mark, dayTable, figures, columns));
    }

    /**
     * The read of figures whose stored days end at {@code mark (through)}: stored days up to it, live days after
     * it up to today at the site. Yields agency_code and {@code columns}.
     */
    public static String read(String mark, String dayTable, String figures, String columns) {
        String narrow = " and ($2::text is null or agency_code = $2) and ($3::text is null or service_code = $3)";
        return "with " + mark + ", span as (select z.code as site_code, z.time_zone,"
                + " greatest($4::date, m.through + 1) as first_day,"
                + " least($5::date, ($6::timestamptz at time zone z.time_zone)::date) as last_day"
                + " from catalog_site_zone z, mark m where z.code = $1), " + figures
                + " select agency_code, " + columns + " from figures where true" + narrow
                + " union all select agency_code, " + columns + " from " + dayTable + " d, mark m where d.site_code = $1"
                + " and d.local_date between $4::date and least($5::date, m.through)" + narrow
                + " order by local_date";
    }

    /**
     * Runs a materializing statement (parameter $1: now) once across replicas: the transaction that takes the
     * advisory lock works, the others return 0 at once; as the statement marks the days it stores, a later run
     * finds nothing left. Returns the statement's row count (sites or days taken in).
     */
    public static Uni<Integer> materialize(Pool pool, String lockName, String statement, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock(hashtext($1)) as locked")
                .execute(Tuple.of(lockName)).flatMap(rows -> {
                    if (!rows.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().item(0);
                    }
                    return tx.preparedQuery(statement).execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                            .map(done -> done.rowCount());
                }));
    }

    /**
     * Reads the days of one site (statement parameters: site, agency, service, from, to, now; agency and
     * service may be null) as {@code day} makes each row: the one reader of every feature's daily figures.
     */
    public static <T> Uni<List<T>> days(Pool pool, String statement, String site, String agency, String service,
                                        LocalDate from, LocalDate to, Instant now, Function<Row, T> day) {
        return pool.preparedQuery(statement)
                .execute(Tuple.from(new Object[] {site, agency, service, from, to, now.atOffset(ZoneOffset.UTC)}))
                .map(rows -> {
                    List<T> days = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        days.add(day.apply(row));
                    }
                    return days;
                });
    }
}
