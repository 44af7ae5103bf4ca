package id.satupintu.integration.webhook;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.integration.IntegrationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Forgets delivered and skipped webhooks after a while (dead letters stay until replayed or their
 * subscription is deleted). Every replica may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
class WebhookCleanup {

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    IntegrationConfig config;

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetDeliveredAndSkipped() {
        return jobs.run("Forgetting delivered webhooks", () -> pool.preparedQuery("""
                        delete from webhook_delivery
                         where (status = 'DELIVERED' and delivered_at < now() - make_interval(days => $1))
                            or (status = 'SKIPPED' and skipped_at < now() - make_interval(days => $1))""")
                .execute(Tuple.of(config.webhooks().keepDeliveredDays())));
    }
}
