package id.satupintu.identity;

import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.persistence.MonthlyPartitions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The audit log of API clients' calls. A call only adds an entry to a queue in memory; a scheduled
 * flush writes what has gathered in one multi-row insert, so the log costs a call no database
 * round trip. The price: entries of the last flush interval die with a crashed process (a normal
 * shutdown flushes). The queue is bounded; beyond it entries are dropped and counted in the log.
 */
@ApplicationScoped
class ClientCallLog {

    private static final Logger LOG = Logger.getLogger(ClientCallLog.class);
    private static final int BATCH = 1000;
    private static final String INSERT = """
            insert into identity_api_client_call (client_id, method, path, status, called_at, duration_ms)
            select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::smallint[], $5::timestamptz[], $6::int[])""";

    record Entry(UUID clientId, String method, String path, int status, long startedAtMillis, long durationMs) {
    }

    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    IdentityConfig config;


    void record(UUID clientId, String method, String path, int status, long startedAtMillis, long durationMs) {
        if (size.incrementAndGet() > config.clients().auditQueueMax()) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        // Paths carry tracking numbers and codes, never personal data; still bounded to the column.
        String bounded = path.length() > 500 ? path.substring(0, 500) : path;
        pending.add(new Entry(clientId, method, bounded, status, startedAtMillis, durationMs));
    }

    @Scheduled(every = "${satupintu.clients.audit-flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf("audit log of API clients: %d calls not recorded (queue full)", lost);
        }
        return jobs.run("Audit log of API clients", this::write);
    }

    /**
     * Drops entries older than the retention: the months wholly past it as tables (the log is partitioned by month,
     * V54), then the rest of the oldest month kept, a bounded batch per run so no run holds long locks. Every
     * replica may run it: deleting what is already gone does nothing.
     */
    @Scheduled(every = "${satupintu.clients.audit-prune-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        int days = config.clients().auditRetentionDays();
        return jobs.run("Pruning the audit log of API clients", () -> MonthlyPartitions
                .dropOlderThan(pool, "identity_api_client_call", days)
                .flatMap(dropped -> pool.preparedQuery("""
                                delete from identity_api_client_call where (id, called_at) in (
                                  select id, called_at from identity_api_client_call
                                  where called_at < now() - make_interval(days => $1::int) limit 10000)""")
                        .execute(Tuple.of(days))));
    }

    /** Writes everything queued, a batch at a time. */
    private Uni<Void> write() {
        List<Entry> batch = new ArrayList<>();
        Entry entry;
        while (batch.size() < BATCH && (entry = pending.poll()) != null) {
            size.decrementAndGet();
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = batch.size();
        UUID[] clients = new UUID[n];
        String[] methods = new String[n];
        String[] paths = new String[n];
        Short[] statuses = new Short[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Integer[] durations = new Integer[n];
        for (int i = 0; i < n; i++) {
            Entry e = batch.get(i);
            clients[i] = e.clientId();
            methods[i] = e.method();
            paths[i] = e.path();
            statuses[i] = (short) e.status();
            times[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.startedAtMillis()), ZoneOffset.UTC);
            durations[i] = (int) Math.min(Integer.MAX_VALUE, e.durationMs());
        }
        return pool.preparedQuery(INSERT)
                .execute(Tuple.of(clients, methods, paths, statuses, times, durations))
                .onFailure(DatabaseOutage::recognises).invoke(e -> requeue(batch))
                .onFailure(e -> !DatabaseOutage.recognises(e))
                .invoke(e -> LOG.errorf(e, "audit log of API clients: %d calls not written", n))
                .onFailure(e -> !DatabaseOutage.recognises(e)).recoverWithNull()
                .chain(() -> n == BATCH ? write() : Uni.createFrom().voidItem());
    }

    /**
     * With the database away the batch goes back to the queue (as far as there is room), so that the
     * calls of an outage are written once it is back; the failure goes on to the job, which warns.
     */
    private void requeue(List<Entry> batch) {
        for (Entry entry : batch) {
            if (size.incrementAndGet() > config.clients().auditQueueMax()) {
                size.decrementAndGet();
                dropped.incrementAndGet();
            } else {
                pending.add(entry);
            }
        }
    }

    /**
     * A rolling deployment stops pods all the time: what is queued is written before the pool closes.
     * Shutdown observers run on the main thread, never on an event loop, so waiting here is safe.
     */
    void onStop(@Observes ShutdownEvent event) {
        try {
            write().subscribeAsCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("audit log of API clients: last calls not written at shutdown", e);
        }
    }
}
