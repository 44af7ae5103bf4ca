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
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reminds a permit's holder that it expires, {@code satupintu.notifications.permit-expiry-days} before (60 and
 * 14 by default), with how to renew. Days are counted at the permit's site, in its zone. A threshold is told when
 * the days left come down to it, and after an outage on the first run that finds it crossed (the text says the
 * days really left), but not once the next threshold is reached, and not for a permit that was never valid that
 * long. Once per permit and threshold: the notification's once-key. Every replica runs the job; a
 * transaction-scoped advisory lock lets one do the work while the others skip, and the once-key holds whatever
 * the lock misses.
 */
@ApplicationScoped
class PermitExpiryReminders {

    private static final Logger LOG = Logger.getLogger(PermitExpiryReminders.class);

    /** $1 now, $2 the thresholds, $3 the default zone, $4 the largest threshold (bounds the index scan). */
    private static final String REMIND = """
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
                                     and ($1::timestamptz at time zone 'UTC')::date + $4 + 1
               and h.valid_until - t.today <= d.days
               and h.valid_until - t.today > coalesce((select max(x) from unnest($2::int[]) as x where x < d.days), -1)
               and h.valid_until - h.issued_on > d.days
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
        return jobs.run("Permit expiry reminders", () -> remind(clock.now()).invoke(made -> {
            if (made > 0) {
                LOG.infof("Permit expiry reminders made: %d", made);
            }
        }));
    }

    /** One pass as of {@code now}: the reminders made (0 when another replica holds the lock). */
    Uni<Long> remind(Instant now) {
        List<Integer> days = config.notifications().permitExpiryDays();
        int longest = days.stream().mapToInt(Integer::intValue).max().orElse(0);
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(hashtextextended('notification-permit-expiry', 0))")
                .execute().flatMap(lock -> {
                    if (!lock.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(0L);
                    }
                    return connection.preparedQuery(REMIND).execute(Tuple.of(now.atOffset(ZoneOffset.UTC),
                                    days.toArray(Integer[]::new), config.notifications().defaultZone(), longest))
                            .map(rows -> rows.iterator().next().getLong(0));
                }));
    }
}
