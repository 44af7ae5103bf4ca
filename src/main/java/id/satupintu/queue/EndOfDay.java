package id.satupintu.queue;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * After a site's local midnight, closes the tickets of its past days that were never finished and keeps
 * the day's figures per lane and hour. Numbering needs no reset: it is per local day. Every replica runs
 * the job; a transaction-level advisory lock lets one of them do the work, and the closed-day table
 * keeps figures from being written twice.
 */
@ApplicationScoped
public class EndOfDay {

    private static final Logger LOG = Logger.getLogger(EndOfDay.class);

    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('satupintu.queue.end-of-day')) as locked";

    private static final String CLOSE = "with closed as ("
            + " update queue_ticket t set status = 'CLOSED', finished_at = $1::timestamptz from site s"
            + " where s.code = t.site_code and t.status in ('WAITING', 'CALLED', 'SERVING')"
            + " and t.local_date < ($1::timestamptz at time zone s.time_zone)::date"
            + " returning t.id, t.site_code, t.lane_id, t.number, t.service_code, t.priority),"
            + " payload as (select c.id, c.site_code, jsonb_build_object('ticketId', c.id::text, 'number', c.number,"
            + " 'lane', l.prefix, 'serviceCode', c.service_code, 'status', 'CLOSED', 'priority', c.priority <> 'NONE')"
            + " as body from closed c join queue_lane l on l.id = c.lane_id)"
            + " insert into event (stream, type, payload)"
            + " select 'ticket:' || id, 'ticket.closed', body from payload"
            + " union all select 'board:' || site_code, 'ticket.closed', body from payload";

    /** Past site days not closed yet, found through the numbering rows (one per lane and day) rather than the tickets. */
    private static final String FIGURES = "with days as ("
            + " select distinct l.site_code, n.local_date from queue_number n join queue_lane l on l.id = n.lane_id"
            + " join site s on s.code = l.site_code where n.local_date < ($1::timestamptz at time zone s.time_zone)::date"
            + " and not exists (select 1 from queue_day_closed d where d.site_code = l.site_code"
            + " and d.local_date = n.local_date)),"
            + " figures as (insert into queue_daily_figure (site_code, lane_id, local_date, hour, issued, served, no_show,"
            + " closed, average_wait_seconds, average_service_seconds)"
            + " select t.site_code, t.lane_id, t.local_date, extract(hour from t.issued_at at time zone s.time_zone)::int,"
            + " count(*), count(*) filter (where t.status = 'DONE'), count(*) filter (where t.status = 'NO_SHOW'),"
            + " count(*) filter (where t.status = 'CLOSED'),"
            + " avg(extract(epoch from t.called_at - t.issued_at)) filter (where t.called_at is not null),"
            + " avg(extract(epoch from t.finished_at - t.started_at)) filter (where t.status = 'DONE'"
            + " and t.started_at is not null)"
            + " from queue_ticket t join site s on s.code = t.site_code"
            + " join days d on d.site_code = t.site_code and d.local_date = t.local_date"
            + " group by t.site_code, t.lane_id, t.local_date, 4 returning 1)"
            + " insert into queue_day_closed (site_code, local_date, closed_at) select site_code, local_date, $1::timestamptz from days";

    @Inject
    Pool pool;

    @Scheduled(every = "${satupintu.queue.end-of-day-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(Instant.now()).invoke(days -> {
            if (days > 0) {
                LOG.infof("Queue end of day: closed %d site days", days);
            }
        }).replaceWithVoid();
    }

    /**
     * Closes every site day that is over at {@code now} in the site's zone; returns how many site days
     * this call closed (0 when another replica holds the lock or nothing is due).
     */
    public Uni<Integer> run(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> tx.query(LOCK).execute().flatMap(rows -> {
            if (!rows.iterator().next().getBoolean("locked")) {
                return Uni.createFrom().item(0);
            }
            return tx.preparedQuery(CLOSE).execute(Tuple.of(at))
                    .flatMap(closed -> tx.preparedQuery(FIGURES).execute(Tuple.of(at)))
                    .map(days -> days.rowCount());
        }));
    }
}
