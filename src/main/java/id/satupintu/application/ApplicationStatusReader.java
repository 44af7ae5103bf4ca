package id.satupintu.application;

import id.satupintu.application.sla.SlaClock;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * The public status read, the most frequent request citizens' apps make (polling a tracking number).
 * It is one prepared statement on the reactive client, no Hibernate session: the application, its
 * site's local date at the {@link Clock}'s instant ({@code $2}, so a pinned clock holds here as in Java)
 * and the working days left (the catalog's {@code working_days_between}, the same count as
 * {@link SlaClock#workingDaysLeft}) come back in a single round trip. {@code bench/applications.sh}
 * measures it beside pgbench running {@link #SQL} itself.
 */
@ApplicationScoped
class ApplicationStatusReader {

    /** Kept verbatim in bench/applications-status.sql: pgbench must run exactly this statement. */
    static final String SQL = "select a.tracking_number, a.service_code, a.state, a.submitted_at, a.updated_at, "
            + "a.deadline, a.sla_holidays_known, case when a.state in (" + SlaClock.SHOWS_DAYS_LEFT.stream().map(s -> "'" + s.name() + "'")
                    .sorted().collect(Collectors.joining(", ")) + ") "
            + "then working_days_between(a.site_code, coalesce(a.clock_paused_on, "
            + "($2::timestamptz at time zone s.time_zone)::date), a.deadline) end as working_days_left "
            + "from application a join catalog_site_zone s on s.code = a.site_code "
            + "where a.tracking_number = $1 and a.state <> 'DRAFT'";

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** The status of a filed application; unknown, malformed and draft numbers are all 404. */
    Uni<ApplicationStatus> read(String trackingNumber) {
        String number = TrackingNumbers.normalize(trackingNumber);
        if (!TrackingNumbers.isWellFormed(number)) {
            // Refused before any query: a malformed number costs the database nothing.
            return Uni.createFrom().failure(ProblemException.notFound("application", trackingNumber));
        }
        return pool.preparedQuery(SQL).execute(Tuple.of(number, clock.timestamp())).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw ProblemException.notFound("application", trackingNumber);
            }
            Row row = it.next();
            ApplicationState state = ApplicationState.valueOf(row.getString("state"));
            return new ApplicationStatus(row.getString("tracking_number"), row.getString("service_code"), state,
                    OssStatus.of(state), utc(row.getOffsetDateTime("submitted_at")),
                    utc(row.getOffsetDateTime("updated_at")), row.getLocalDate("deadline"),
                    row.getInteger("working_days_left"),
                    row.getLocalDate("deadline") == null ? null : row.getBoolean("sla_holidays_known"));
        });
    }

    /** Timestamps in UTC whatever the JVM's zone, as the service writes them, so the ETag does not depend on where it runs. */
    private static OffsetDateTime utc(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
