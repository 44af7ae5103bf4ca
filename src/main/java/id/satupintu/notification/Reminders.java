package id.satupintu.notification;

import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.jobs.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The reminders no change of an object makes, found by a job: permits about to expire, and bookings the day
 * before and the hour before.
 *
 * <p>Permits: the holder is reminded {@code satupintu.notifications.permit-expiry-days} before (60 and
 * 14 by default), with how to renew. Days are counted at the permit's site, in its zone. A threshold is told when
 * the days left come down to it, and after an outage on the first run that finds it crossed (the text says the
 * days really left), but not once the next threshold is reached, and not for a permit that was never valid that
 * long. Once per permit and threshold: the notification's once-key.
 *
 * <p>Bookings (still BOOKED, on a day the site is open): the day before, on the site's last open day before the
 * booking's (a Monday's on the Friday; a closure skipped), from {@link #DAY_BEFORE_FROM} site time; and in the
 * hour before its start. Not for a booking made that day or within that hour (its confirmation just told it).
 * Once per booking, reminder and start time: a rescheduled booking is reminded of its new time.
 *
 * <p>Every replica runs the job; a
 * transaction-scoped advisory lock lets one do the work while the others skip, and the once-key holds whatever
 * the lock misses.
 */
@ApplicationScoped
class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    /** $1 now, $2 the thresholds, $3 the default zone, $4 the largest threshold (bounds the index scan). */
    private static final String PERMITS = """
            select count(notification_make(h.account_id, 'permit-expiring',
                       jsonb_build_object('number', h.number, 'validUntil', h.valid_until,
                                          'days', h.valid_until - t.today),
                       h.site_code, null, 'permit-expiring:' || d.days || ':' || h.id))
              from unnest($2::int[]) as d(days)
              cross join permit_holder h
              left join catalog_site_zone z on z.code = h.site_code
              cross join lateral (select ($1::timestamptz at time zone coalesce(z.time_zone, $3))::date as today) t
             where h.account_id is not null
               and h.valid_until between ($1::timestamptz at time zone 'UTC')::date - 1
                                     and ($1::timestamptz at time zone 'UTC')::date + $4::int + 1
               and h.valid_until - t.today <= d.days
               and h.valid_until - t.today > coalesce((select max(x) from unnest($2::int[]) as x where x < d.days), -1)
               and h.valid_until - h.issued_on > d.days
            """;

    /** The day-before reminder waits for the morning (site time), not midnight. */
    static final LocalTime DAY_BEFORE_FROM = LocalTime.of(8, 0);

    /** $1 now, $2 the default zone, $3 {@link #DAY_BEFORE_FROM}. */
    private static final String BOOKINGS = """
            select count(notification_make(b.account_id, r.tmpl,
                       jsonb_build_object('bookingId', b.id, 'site', b.site_code,
                                          'date', to_char(b.starts_at at time zone tz.zone, 'YYYY-MM-DD'),
                                          'time', to_char(b.starts_at at time zone tz.zone, 'HH24:MI')),
                       b.site_code, null, r.tmpl || ':' || b.id || ':' || b.starts_at))
              from booking_holder b
              left join catalog_site_zone z on z.code = b.site_code
              cross join lateral (select coalesce(z.time_zone, $2) as zone) tz
              cross join lateral (select ($1::timestamptz at time zone tz.zone) as local) t
              cross join (values ('booking-tomorrow'), ('booking-soon')) as r(tmpl)
             where b.status = 'BOOKED' and b.account_id is not null
               and b.starts_at > $1 and b.starts_at <= $1::timestamptz + interval '16 days'
               and working_days_between(b.site_code, b.local_date - 1, b.local_date) = 1
               and case r.tmpl
                   when 'booking-tomorrow' then
                        working_days_between(b.site_code, t.local::date - 1, t.local::date) = 1
                        and working_days_between(b.site_code, t.local::date, b.local_date) = 1
                        and t.local::time >= $3::time
                        and (b.created_at at time zone tz.zone)::date < t.local::date
                   else b.starts_at <= $1::timestamptz + interval '1 hour'
                        and b.created_at < b.starts_at - interval '1 hour'
                   end
            """;

    @Inject
    Pool pool;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Inject
    JobRuns jobs;

    @Scheduled(every = "${satupintu.notifications.remind-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Reminders", () -> remind(clock.now()).invoke(made -> {
            if (made > 0) {
                LOG.infof("Reminders made: %d", made);
            }
        }));
    }

    /** One pass as of {@code now}: the reminders made (0 when another replica holds the lock). */
    Uni<Long> remind(Instant now) {
        List<Integer> days = config.notifications().permitExpiryDays();
        int longest = days.stream().mapToInt(Integer::intValue).max().orElse(0);
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(hashtextextended('notification-reminders', 0))")
                .execute().flatMap(lock -> {
                    if (!lock.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(0L);
                    }
                    return connection.preparedQuery(PERMITS).execute(Tuple.of(now.atOffset(ZoneOffset.UTC),
                                    days.toArray(Integer[]::new), config.notifications().defaultZone(), longest))
                            .map(rows -> rows.iterator().next().getLong(0))
                            .flatMap(permits -> connection.preparedQuery(BOOKINGS).execute(Tuple.of(
                                            now.atOffset(ZoneOffset.UTC), config.notifications().defaultZone(), DAY_BEFORE_FROM))
                                    .map(rows -> permits + rows.iterator().next().getLong(0)));
                }));
    }
}
