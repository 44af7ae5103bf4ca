package id.satupintu.queue;

import id.satupintu.platform.jobs.DailyFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The queue's daily indicator figures: materialized into {@code queue_indicator_day} once end of day has
 * closed a site day (its tickets are final then), and computed live from the tickets for the days after the
 * last one materialized (today, normally). Both go through one aggregate over a {@code span} of site days,
 * so the stored and the live figures cannot differ in definition.
 */
@ApplicationScoped
public class QueueIndicators {

    private static final String LOCK = "satupintu.queue.indicators";

    private static final String FIGURES = "figures as (select t.site_code, coalesce(sa.agency_code, '') as agency_code,"
            + " t.service_code, t.local_date, t.channel, count(*)::int as issued,"
            + " (count(*) filter (where t.status = 'DONE'))::int as served,"
            + " (count(*) filter (where t.status = 'NO_SHOW'))::int as no_show,"
            + " coalesce(array_agg(extract(epoch from t.called_at - t.issued_at)::int) filter (where t.called_at is not null),"
            + "   '{}') as waits,"
            + " coalesce(sum(extract(epoch from t.finished_at - t.started_at)::bigint) filter (where t.status = 'DONE'"
            + "   and t.started_at is not null), 0)::bigint as service_seconds,"
            + " (count(*) filter (where t.status = 'DONE' and t.started_at is not null))::int as service_timed,"
            + " (count(*) filter (where t.priority <> 'NONE' and not t.priority_claimed))::int as priority_issued,"
            + " coalesce(array_agg(extract(epoch from t.called_at - t.issued_at)::int) filter (where t.priority <> 'NONE'"
            + "   and not t.priority_claimed and t.called_at is not null), '{}') as priority_waits"
            + " from span sp join queue_ticket t on t.site_code = sp.site_code"
            + "   and t.local_date between sp.first_day and sp.last_day"
            + " left join catalog_service_agency sa on sa.code = t.service_code"
            + " group by 1, 2, 3, 4, 5)";

    private static final String COLUMNS = "local_date, channel, issued, served, no_show, waits, service_seconds,"
            + " service_timed, priority_issued, priority_waits";

    /**
     * The same tickets cut by the site-local hour they were issued in (waiting time by hour of the day), as CTE
     * {@code name} over the same {@code span}: the day's and the hours' figures are taken in by one statement.
     */
    private static String hourFigures(String name) {
        return name + " as (select t.site_code, coalesce(sa.agency_code, '') as agency_code, t.service_code,"
                + " t.local_date, extract(hour from t.issued_at at time zone z.time_zone)::int as hour,"
                + " count(*)::int as issued, (count(*) filter (where t.status = 'DONE'))::int as served,"
                + " coalesce(array_agg(extract(epoch from t.called_at - t.issued_at)::int)"
                + "   filter (where t.called_at is not null), '{}') as waits"
                + " from span sp join queue_ticket t on t.site_code = sp.site_code"
                + "   and t.local_date between sp.first_day and sp.last_day"
                + " join catalog_site_zone z on z.code = t.site_code"
                + " left join catalog_service_agency sa on sa.code = t.service_code"
                + " group by 1, 2, 3, 4, 5)";
    }

    private static final String HOUR_COLUMNS = "local_date, hour, issued, served, waits";

    /** The closed site days not taken in yet, their figures (daily and hourly) stored and the days marked, in one statement. */
    private static final String MATERIALIZE = "with span as (select site_code, local_date as first_day,"
            + " local_date as last_day from queue_day_closed where indicators_at is null),"
            + FIGURES + ", stored as (insert into queue_indicator_day (site_code, agency_code, service_code, " + COLUMNS
            + ") select site_code, agency_code, service_code, " + COLUMNS + " from figures returning 1), "
            + hourFigures("hour_figures") + ", stored_hours as (insert into queue_indicator_hour (site_code,"
            + " agency_code, service_code, " + HOUR_COLUMNS + ") select site_code, agency_code, service_code, "
            + HOUR_COLUMNS + " from hour_figures returning 1)"
            + " update queue_day_closed d set indicators_at = $1::timestamptz from span sp"
            + " where d.site_code = sp.site_code and d.local_date = sp.first_day";

    /** Stored days end at the last closed day taken in; the days after it are read live. */
    private static final String MARK = "mark as (select coalesce(max(local_date), date '0001-01-01')"
            + " as through from queue_day_closed where site_code = $1 and indicators_at is not null)";

    private static final String READ = DailyFigures.read(MARK, "queue_indicator_day", FIGURES, COLUMNS);

    /** The hours, stored and live, up to the same mark as the days: both are taken in by one statement. */
    private static final String READ_HOURS = DailyFigures.read(MARK, "queue_indicator_hour", hourFigures("figures"),
            HOUR_COLUMNS);

    @Inject
    Pool pool;

    /**
     * Takes in every site day end of day has closed since the last run; returns how many. Once across replicas:
     * the first to take the transaction's advisory lock works, the others return 0; a day is marked in the
     * statement that stores it, so a second run finds nothing to do.
     */
    public Uni<Integer> materialize(Instant now) {
        return DailyFigures.materialize(pool, LOCK, MATERIALIZE, now);
    }

    /** The figures of the site's local days {@code from} to {@code to}, as of {@code now}; agency and service optional. */
    public Uni<List<QueueIndicatorDay>> days(String site, String agency, String service, LocalDate from, LocalDate to,
                                             Instant now) {
        return DailyFigures.days(pool, READ, site, agency, service, from, to, now, QueueIndicators::day);
    }

    /**
     * The figures of the site's local days {@code from} to {@code to} per hour of issue (one entry per day, hour,
     * agency and service with tickets), as of {@code now}; agency and service optional.
     */
    public Uni<List<QueueIndicatorHour>> hours(String site, String agency, String service, LocalDate from,
                                               LocalDate to, Instant now) {
        return DailyFigures.days(pool, READ_HOURS, site, agency, service, from, to, now, row -> new QueueIndicatorHour(
                row.getLocalDate("local_date"), row.getInteger("hour"), row.getInteger("issued"),
                row.getInteger("served"), Arrays.asList(row.getArrayOfIntegers("waits"))));
    }

    private static QueueIndicatorDay day(Row row) {
        return new QueueIndicatorDay(row.getLocalDate("local_date"), row.getString("channel"), row.getInteger("issued"),
                row.getInteger("served"), row.getInteger("no_show"), Arrays.asList(row.getArrayOfIntegers("waits")),
                row.getLong("service_seconds"), row.getInteger("service_timed"), row.getInteger("priority_issued"),
                Arrays.asList(row.getArrayOfIntegers("priority_waits")));
    }
}
