package id.satupintu.platform.idempotency;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.PlatformConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Forgets idempotency keys after the retention window: a client retries within minutes, not days.
 * Every replica may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
class IdempotencyCleanup {

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    PlatformConfig config;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldKeys() {
        return jobs.run("Forgetting old idempotency keys", () -> pool
                .preparedQuery("delete from idempotency_record where created_at < now() - make_interval(hours => $1)")
                .execute(Tuple.of(config.idempotency().retentionHours())));
    }
}
