package id.satupintu.queue.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.startup.AtStart;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The demo office's queue lanes and counters ({@code demo/queue.json}, shapes of the admin API). Runs
 * after the demo catalog (a later observer priority) and adds only what is missing, so restarts are harmless.
 */
@ApplicationScoped
@RegisterForReflection(targets = {DemoQueueLoader.DemoQueue.class, DemoQueueLoader.DemoSite.class, LaneInput.class,
        CounterInput.class})
public class DemoQueueLoader {

    static final String RESOURCE = "demo/queue.json";
    private static final Logger LOG = Logger.getLogger(DemoQueueLoader.class);

    record DemoSite(String site, List<LaneInput> lanes, List<CounterInput> counters) {
    }

    record DemoQueue(List<DemoSite> sites) {
    }

    @Inject
    PlatformConfig platform;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (!platform.demoData()) {
            return;
        }
        DemoQueue demo = read();
        int created = AtStart.await(() -> pool.withTransaction(tx -> Multi.createFrom().iterable(demo.sites())
                .onItem().transformToUniAndConcatenate(site -> Multi.createFrom().iterable(site.lanes())
                        .onItem().transformToUniAndConcatenate(lane -> tx.preparedQuery("insert into queue_lane "
                                        + "(site_code, prefix, name, service_codes, daily_quota) values ($1, $2, $3, $4, $5) "
                                        + "on conflict (site_code, prefix) do nothing")
                                .execute(Tuple.of(site.site(), lane.prefix(), lane.name(),
                                        lane.serviceCodes().toArray(String[]::new), lane.dailyQuota()))
                                .map(rows -> rows.rowCount()))
                        .collect().with(Collectors.summingInt(Integer::intValue))
                        .flatMap(lanes -> Multi.createFrom().iterable(site.counters())
                                .onItem().transformToUniAndConcatenate(counter -> tx.preparedQuery("insert into "
                                                + "queue_counter (site_code, number, name, lane_ids) select $1, $2, $3, "
                                                + "array(select id from queue_lane where site_code = $1 and prefix = any($4) "
                                                + "order by prefix) on conflict (site_code, number) do nothing")
                                        .execute(Tuple.of(site.site(), counter.number(), counter.name(),
                                                counter.lanes().toArray(String[]::new)))
                                        .map(rows -> rows.rowCount()))
                                .collect().with(Collectors.summingInt(Integer::intValue))
                                .map(counters -> lanes + counters)))
                .collect().with(Collectors.summingInt(Integer::intValue))));
        LOG.infof("Demo queue: %d lanes and counters created from %s", created, RESOURCE);
    }

    private DemoQueue read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, DemoQueue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
