package id.satupintu.queue;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.queue.ticket.TicketService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After a site's local midnight, closes the tickets of its past days that were never finished and keeps
 * the day's figures per lane and hour; from the site's closing time on, ends the counter sessions
 * still open or paused, so no counter stays "open" overnight on the boards and wait estimates. Numbering needs no reset: it is per local day. Every replica runs
 * the job; a transaction-level advisory lock lets one of them do the work, and the closed-day table
 * keeps figures from being written twice. A site's zone and hours come from catalog's view
 * {@code catalog_site_zone}, never its tables.
 */
@ApplicationScoped
class EndOfDay {

    private static final Logger LOG = Logger.getLogger(EndOfDay.class);

    /** What a session's closed_by says when this job, not a member of staff, ended it. */
    static final String CLOSED_BY = "end-of-day";

    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('satupintu.queue.end-of-day')) as locked";

    /** Closes the tickets still open on a past local day of their site; returns their ids. */
    private static final String CLOSE = "update queue_ticket t set status = 'CLOSED', finished_at = $1::timestamptz"
            + " from catalog_site_zone s where s.code = t.site_code and t.status in ('WAITING', 'CALLED', 'SERVING')"
            + " and t.local_date < ($1::timestamptz at time zone s.time_zone)::date returning t.id";

    /**
     * Forgets the phone numbers left on tickets of a past local day of their site: they were kept only to say the
     * turn is near, and a day's tickets are over once it ends (a send still due is skipped: no-address).
     */
    private static final String FORGET_CONTACTS = "delete from queue_ticket_contact k using queue_ticket t, catalog_site_zone s"
            + " where t.id = k.ticket_id and s.code = t.site_code"
            + " and t.local_date < ($1::timestamptz at time zone s.time_zone)::date";

    /** Past site days not closed yet, found through the numbering rows (one per lane and day) rather than the tickets. */
    private static final String FIGURES = "with days as ("
            + " select distinct l.site_code, n.local_date from queue_number n join queue_lane l on l.id = n.lane_id"
            + " join catalog_site_zone s on s.code = l.site_code"
            + " where n.local_date < ($1::timestamptz at time zone s.time_zone)::date"
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
            + " from queue_ticket t join catalog_site_zone s on s.code = t.site_code"
            + " join days d on d.site_code = t.site_code and d.local_date = t.local_date"
            + " group by t.site_code, t.lane_id, t.local_date, 4 returning 1)"
            + " insert into queue_day_closed (site_code, local_date, closed_at) select site_code, local_date, $1::timestamptz from days";

    /** A site's local time at $1 (alias st for catalog_site_zone), and its local date. */
    private static final String LOCAL_NOW = "($1::timestamptz at time zone st.time_zone)";

    /**
     * Counters whose session is due to end: opened on an earlier local day, or opened before today's
     * closing time once that time has passed. A session opened after closing (overtime to clear the
     * hall) runs until midnight. A counter with a ticket called or in service is left to its staff.
     */
    private static final String DUE_COUNTERS = "select c.id from queue_counter c"
            + " join queue_counter_session s on s.counter_id = c.id and s.closed_at is null"
            + " join catalog_site_zone st on st.code = c.site_code"
            + " left join lateral (select (h ->> 'closes')::time as closes"
            + "   from jsonb_array_elements(st.opening_hours -> 'days') h"
            + "   where h ->> 'day' = to_char(" + LOCAL_NOW + ", 'FMDAY') limit 1) today on true"
            + " where c.status <> 'CLOSED'"
            + " and ((s.opened_at at time zone st.time_zone)::date < " + LOCAL_NOW + "::date"
            + "   or (today.closes is not null and " + LOCAL_NOW + "::time >= today.closes"
            + "     and s.opened_at < ((" + LOCAL_NOW + "::date + today.closes) at time zone st.time_zone)))"
            + " and not exists (select 1 from queue_ticket t where t.counter_id = c.id and t.status in ('CALLED', 'SERVING'))"
            + " for update of c skip locked";

    /**
     * Ends the sessions (and any pause) of the locked counters $2, recorded as closed by the job. Idleness
     * is checked again: this statement's snapshot is taken after the locks, so a call that committed
     * in between is seen, and no new call can start on a locked counter.
     */
    private static final String CLOSE_SESSIONS = "with closing as (select c.id from queue_counter c"
            + " where c.id = any($2) and c.status <> 'CLOSED' and not exists (select 1 from queue_ticket t"
            + " where t.counter_id = c.id and t.status in ('CALLED', 'SERVING'))),"
            + " pauses as (update queue_counter_pause p set resumed_at = $1::timestamptz from queue_counter_session s"
            + " where p.session_id = s.id and s.counter_id in (select id from closing) and s.closed_at is null"
            + " and p.resumed_at is null),"
            + " sessions as (update queue_counter_session s set closed_at = $1::timestamptz, closed_by = '" + CLOSED_BY + "'"
            + " where s.counter_id in (select id from closing) and s.closed_at is null)"
            + " update queue_counter c set status = 'CLOSED', pause_reason = null, staff_id = null, priority_streak = 0"
            + " where c.id in (select id from closing)";

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    TicketService tickets;

    @Inject
    Clock clock;

    @Scheduled(every = "${satupintu.queue.end-of-day-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Queue end of day", () -> run(clock.now()).invoke(days -> {
            if (days > 0) {
                LOG.infof("Queue end of day: closed %d site days", days);
            }
        }));
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
            // Tickets first: a counter busy with a ticket of a day that is over is idle once it is closed.
            return tx.preparedQuery(CLOSE).execute(Tuple.of(at)).flatMap(closed -> closeSessions(tx, at)
                    .flatMap(done -> tx.preparedQuery(FORGET_CONTACTS).execute(Tuple.of(at)))
                    .flatMap(done -> tx.preparedQuery(FIGURES).execute(Tuple.of(at)))
                    // Told as every ticket change is: through the event log, whose per-stream lock keeps each
                    // stream's ids committing in order, with the ticket's own payload, whose siteCode is what
                    // site-bound webhook subscribers are matched by. Last, as the locks on the sites' board
                    // streams are held until commit and ticket issues there wait for them.
                    .call(days -> tickets.publishAll(tx, QueueAccess.all(closed, row -> row.getUUID("id")),
                            "ticket.closed"))
                    .map(days -> days.rowCount()));
        }));
    }

    /** Closes the counter sessions still open or paused at their site's closing time. */
    private static Uni<Void> closeSessions(SqlClient tx, OffsetDateTime at) {
        return tx.preparedQuery(DUE_COUNTERS).execute(Tuple.of(at)).flatMap(due -> {
            if (due.rowCount() == 0) {
                return Uni.createFrom().voidItem();
            }
            UUID[] ids = QueueAccess.all(due, row -> row.getUUID("id")).toArray(UUID[]::new);
            return tx.preparedQuery(CLOSE_SESSIONS).execute(Tuple.of(at, ids)).invoke(closed -> {
                if (closed.rowCount() > 0) {
                    LOG.infof("Queue end of day: closed %d counter sessions", closed.rowCount());
                }
            }).replaceWithVoid();
        });
    }
}
