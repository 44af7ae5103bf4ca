package id.satupintu.queue.booking;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.queue.QueueConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What one citizen may book, over all services and sites: at most {@code max-active} bookings held at once,
 * and none for {@code no-show-block-days} after {@code no-show-limit} no-shows within {@code no-show-window-days}
 * (satupintu.bookings.*). Checked at the start of the transaction that books or moves, under a transaction-scoped
 * advisory lock on the citizen: parallel bookings of one citizen take turns, and each counts what the one before
 * it committed, so two requests at the limit never both pass.
 */
@ApplicationScoped
class BookingLimits {

    /** How the end of a block reads in problem details: the site's local time, as slot times do. */
    static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('queue.booking-citizen:' || $1, 0))";

    // The moved booking ($3) is not counted: a reschedule keeps the citizen's number of bookings as it is.
    private static final String ACTIVE = "select count(*) as active from queue_booking where citizen_id = $1 "
            + "and status = 'BOOKED' and starts_at > $2 and id is distinct from $3::uuid";

    /**
     * The latest no-show that closes a run of no-show-limit within the window ($3 days back from it, by slot
     * start). Only no-shows since window + block days can still block; queue_booking_citizen serves them.
     */
    private static final String LAST_OF_RUN = "select max(starts_at) as last from (select starts_at, count(*) over ("
            + "order by starts_at range between make_interval(days => $3) preceding and current row) as run "
            + "from queue_booking where citizen_id = $1 and status = 'NO_SHOW' and starts_at > $2) no_shows "
            + "where run >= $4";

    @Inject
    QueueConfig config;

    @Inject
    Clock clock;

    /**
     * Refuses the booking (403 {@code booking-blocked-after-no-shows}, 409 {@code booking-limit-reached}) or
     * holds the citizen's lock until {@code tx} ends. {@code moving} is the booking a reschedule moves, or null;
     * {@code offset} is the site's, for the time a block ends.
     */
    Uni<Void> check(SqlClient tx, String citizenId, UUID moving, ZoneOffset offset) {
        QueueConfig.Bookings rules = config.bookings();
        Instant now = clock.now();
        return tx.preparedQuery(LOCK).execute(Tuple.of(citizenId))
                .flatMap(locked -> rules.noShowLimit() <= 0 ? Uni.createFrom().voidItem()
                        : blockedUntil(tx, citizenId, now, rules).invoke(until -> {
                            if (until != null && until.isAfter(now)) {
                                throw new ProblemException(403, "booking-blocked-after-no-shows", rules.noShowLimit(),
                                        rules.noShowWindowDays(), UNTIL.format(until.atOffset(offset)));
                            }
                        }).replaceWithVoid())
                .flatMap(ok -> rules.maxActive() <= 0 ? Uni.createFrom().voidItem()
                        : tx.preparedQuery(ACTIVE).execute(Tuple.of(citizenId, now.atOffset(ZoneOffset.UTC), moving))
                        .invoke(rows -> {
                            if (rows.iterator().next().getLong("active") >= rules.maxActive()) {
                                throw ProblemException.conflict("booking-limit-reached", rules.maxActive());
                            }
                        }).replaceWithVoid());
    }

    private static Uni<Instant> blockedUntil(SqlClient tx, String citizenId, Instant now, QueueConfig.Bookings rules) {
        Instant since = now.minus(Duration.ofDays((long) rules.noShowWindowDays() + rules.noShowBlockDays()));
        return tx.preparedQuery(LAST_OF_RUN)
                .execute(Tuple.of(citizenId, since.atOffset(ZoneOffset.UTC), rules.noShowWindowDays(),
                        rules.noShowLimit()))
                .map(rows -> {
                    OffsetDateTime last = rows.iterator().next().getOffsetDateTime("last");
                    return last == null ? null : last.toInstant().plus(Duration.ofDays(rules.noShowBlockDays()));
                });
    }
}
