package id.satupintu.queue.booking;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.queue.QueueAccess;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
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
 * Marks bookings not checked in by their slot's start plus the grace period as no-shows, and tells their
 * streams. The place stays taken: the slot has passed, so giving it back would free nothing anyone could
 * use. Every replica runs the job; the update re-checks each row's status under its lock, so a booking
 * turns into a no-show (and gets its event) once, and never after a check-in that got the lock first.
 */
@ApplicationScoped
class BookingNoShows {

    private static final Logger LOG = Logger.getLogger(BookingNoShows.class);

    /** Bookings marked in one transaction; a run goes on until none is left. */
    private static final int BATCH = 200;

    private static final String MARK = "update queue_booking set status = 'NO_SHOW', updated_at = now() where id in ("
            + "select id from queue_booking where status = 'BOOKED' and starts_at + make_interval(mins => $2) < $1 "
            + "order by starts_at limit " + BATCH + " for update skip locked) returning id";

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    BookingWindow window;

    @Inject
    BookingService bookings;

    @Inject
    Clock clock;

    @Scheduled(every = "${satupintu.bookings.no-show-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Booking no-shows", () -> run(clock.now()).invoke(count -> {
            if (count > 0) {
                LOG.infof("Bookings: %d no-shows", count);
            }
        }));
    }

    /** Marks what is overdue at {@code now}; returns how many bookings this call marked. */
    public Uni<Integer> run(Instant now) {
        return batch(now).flatMap(count -> count < BATCH ? Uni.createFrom().item(count)
                : run(now).map(more -> count + more));
    }

    private Uni<Integer> batch(Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery(MARK)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), window.graceMinutes()))
                .flatMap(rows -> Multi.createFrom().iterable(QueueAccess.all(rows, row -> row.getUUID("id")))
                        // One after the other: they share the transaction's connection.
                        .onItem().transformToUniAndConcatenate(id -> BookingService.load(tx, id, false)
                                .flatMap(booking -> bookings.publish(tx, booking, "booking.no-show")).replaceWith(id))
                        .collect().asList()
                        .map(List::size)));
    }
}
