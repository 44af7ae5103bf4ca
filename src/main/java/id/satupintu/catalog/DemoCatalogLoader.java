package id.satupintu.catalog;

import id.satupintu.catalog.agency.AgencyInput;
import id.satupintu.catalog.service.Service;
import id.satupintu.catalog.service.ServiceInput;
import id.satupintu.catalog.site.SiteInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import id.satupintu.platform.startup.AtStart;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Loads demo/catalog.json at start when satupintu.demo-data is true, through the same service methods
 * as the admin API. Objects whose code exists are skipped, so restarts and a second replica starting
 * at the same time (serialized by an advisory lock) leave the catalog as it is.
 */
@ApplicationScoped
class DemoCatalogLoader {

    static final String RESOURCE = "demo/catalog.json";
    static final String ACTOR = "demo-data";
    private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class);

    /** The demo file: exactly the shapes of the admin write API. */
    record DemoCatalog(List<SiteInput> sites, List<AgencyInput> agencies, List<ServiceInput> services) {
    }

    @Inject
    PlatformConfig platform;

    @Inject
    ObjectMapper json;

    @Inject
    SiteService sites;

    @Inject
    AgencyService agencies;

    @Inject
    ServiceCatalog services;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!platform.demoData()) {
            return;
        }
        int created = load(read());
        LOG.infof("Demo catalog: %d objects created from %s", created, RESOURCE);
    }

    /** Creates what is missing in one transaction, blocking the calling (non event-loop) thread. */
    int load(DemoCatalog demo) {
        return AtStart.await(() -> Panache.withTransaction(() -> loadMissing(demo)));
    }

    private DemoCatalog read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return json.readValue(in, DemoCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private Uni<Integer> loadMissing(DemoCatalog demo) {
        return lock()
                .flatMap(ignored -> each(demo.sites(), SiteInput::code, code -> Site.count("code", code),
                        sites::create))
                .flatMap(n -> each(demo.agencies(), AgencyInput::code, code -> Agency.count("code", code),
                        agencies::create).map(m -> n + m))
                .flatMap(n -> each(demo.services(), ServiceInput::code, code -> Service.count("code", code),
                        s -> services.create(s, ACTOR)).map(m -> n + m));
    }

    /** Held until the transaction ends: a second replica waits, then finds everything present. */
    private static Uni<Object> lock() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('satupintu.demo-catalog'))) l")
                .getSingleResult());
    }

    /**
     * Creates, one after the other, the items whose code does not exist yet; returns how many. A demo
     * object the admin API would refuse stops the start with its field errors, naming the object.
     */
    private static <T> Uni<Integer> each(List<T> items, Function<T, String> codeOf,
                                         Function<String, Uni<Long>> existing, Function<T, Uni<?>> create) {
        if (items == null || items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> existing.apply(codeOf.apply(item))
                        .flatMap(count -> count > 0 ? Uni.createFrom().item(0)
                                : create.apply(item).map(created -> 1))
                        .onFailure(ProblemException.class).transform(e -> new IllegalStateException(
                                RESOURCE + ": " + codeOf.apply(item) + " is refused: " + ((ProblemException) e).code()
                                        + " " + ((ProblemException) e).fieldErrors(), e)))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
