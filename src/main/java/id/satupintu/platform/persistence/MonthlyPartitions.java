package id.satupintu.platform.persistence;

import id.satupintu.platform.jobs.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The append-only logs partitioned by month (V54's registry, {@code platform_monthly_partitioned}): this job makes
 * the coming months' partitions ahead of the rows that need them, on every replica (the SQL takes an advisory lock,
 * so they take turns), and a log's owner drops the months past its retention through {@link #dropOlderThan}, whole
 * tables rather than rows. A row of a month nobody made lands in the table's default partition, so a stopped job
 * costs tidiness, never an insert.
 */
@ApplicationScoped
public class MonthlyPartitions {

    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);

    @Inject
    Pool pool;

    @Inject
    JobRuns jobs;

    @Scheduled(every = "${satupintu.partitions.ensure-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return jobs.run("Monthly partitions", this::ensure);
    }

    /** Makes this month's and the next months' partitions of every registered log; how many were made. */
    public Uni<Integer> ensure() {
        return pool.query("select platform_month_partitions_ensure() as made").execute()
                .map(rows -> rows.iterator().next().getInteger("made"))
                .invoke(made -> {
                    if (made > 0) {
                        LOG.infof("Monthly partitions: made %d", made);
                    }
                });
    }

    /**
     * Drops the months of {@code table} that ended more than {@code retentionDays} ago (the database's clock, as
     * the owner's row-level pruning of the month still partly kept); how many were dropped.
     */
    public static Uni<Integer> dropOlderThan(SqlClient client, String table, int retentionDays) {
        return client.preparedQuery("select platform_month_partitions_drop($1, now() - make_interval(days => $2)) as dropped")
                .execute(Tuple.of(table, retentionDays))
                .map(rows -> rows.iterator().next().getInteger("dropped"))
                .invoke(dropped -> {
                    if (dropped > 0) {
                        LOG.infof("Monthly partitions: dropped %d months of %s", dropped, table);
                    }
                });
    }
}
