package id.satupintu.queue.counter;

import id.satupintu.queue.QueueAccess;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Queue lanes of a site: a prefix letter, the services whose tickets it holds and a daily quota. */
@ApplicationScoped
public class LaneService {

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    ServiceCatalog catalog;

    @Inject
    InputValidator validator;

    public Uni<List<Lane>> list(String siteCode) {
        return sites.find(siteCode).flatMap(site -> pool
                .preparedQuery("select " + Lane.COLUMNS + " from queue_lane where site_code = $1 order by prefix")
                .execute(Tuple.of(siteCode))
                .map(rows -> QueueAccess.all(rows, Lane::of)));
    }

    public Uni<Lane> find(String siteCode, String prefix) {
        return find(pool, siteCode, prefix);
    }

    static Uni<Lane> find(SqlClient client, String siteCode, String prefix) {
        return client.preparedQuery("select " + Lane.COLUMNS + " from queue_lane where site_code = $1 and prefix = $2")
                .execute(Tuple.of(siteCode, prefix))
                .map(rows -> QueueAccess.first(rows, Lane::of, "lane", siteCode + "/" + prefix));
    }

    public Uni<Lane> create(Caller caller, String siteCode, LaneInput input) {
        QueueAccess.requireSiteManager(caller, siteCode);
        InputValidator.failIfAny(validator.violations(input, "body"));
        return sites.find(siteCode).flatMap(site -> checkServices(input.serviceCodes()))
                .flatMap(codes -> pool.withTransaction(tx -> checkNotInOtherLane(tx, siteCode, null, codes)
                        .flatMap(ok -> tx.preparedQuery("insert into queue_lane (site_code, prefix, name, service_codes, "
                                        + "daily_quota) values ($1, $2, $3, $4, $5) returning " + Lane.COLUMNS)
                                .execute(Tuple.of(siteCode, input.prefix(), input.name(), codes.toArray(String[]::new),
                                        input.dailyQuota())))
                        .map(rows -> Lane.of(rows.iterator().next()))))
                .onFailure(failure -> QueueAccess.violates(failure, "queue_lane_site_code_prefix_key"))
                .transform(failure -> ProblemException.conflict("lane-exists", siteCode, input.prefix()));
    }

    public Uni<Lane> replace(Caller caller, String siteCode, String prefix, LaneInput input) {
        QueueAccess.requireSiteManager(caller, siteCode);
        InputValidator.failIfAny(validator.violations(input, "body"));
        if (!prefix.equals(input.prefix())) {
            throw ProblemException.validation("prefix", "immutable");
        }
        return find(siteCode, prefix).flatMap(lane -> checkServices(input.serviceCodes())
                .flatMap(codes -> pool.withTransaction(tx -> checkNotInOtherLane(tx, siteCode, lane.id(), codes)
                        .flatMap(ok -> tx.preparedQuery("update queue_lane set name = $2, service_codes = $3, "
                                        + "daily_quota = $4 where id = $1 returning " + Lane.COLUMNS)
                                .execute(Tuple.of(lane.id(), input.name(), codes.toArray(String[]::new),
                                        input.dailyQuota())))
                        .map(rows -> Lane.of(rows.iterator().next())))));
    }

    /** Every code must name a service of the catalog; unknown ones are reported by position. */
    private Uni<List<String>> checkServices(List<String> serviceCodes) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(serviceCodes));
        // One at a time: the catalog lookups share the request's session.
        return Multi.createFrom().range(0, serviceCodes.size())
                .onItem().transformToUniAndConcatenate(i -> catalog.agencyOf(serviceCodes.get(i))
                        .map(agency -> (FieldError) null)
                        .onFailure(ProblemException.class).recoverWithItem(
                                FieldError.of("serviceCodes[" + i + "]", "unknown-service", serviceCodes.get(i))))
                .select().where(error -> error != null)
                .collect().asList()
                .map(errors -> {
                    InputValidator.failIfAny(errors);
                    return codes;
                });
    }

    /** A service's tickets go to one lane of a site, so issuing never has to choose. */
    private static Uni<Void> checkNotInOtherLane(SqlClient tx, String siteCode, UUID laneId, List<String> codes) {
        return tx.preparedQuery("select prefix, array(select unnest(service_codes) intersect select unnest($3::text[])) "
                        + "as shared from queue_lane where site_code = $1 and ($2::uuid is null or id <> $2) "
                        + "and service_codes && $3::text[] order by prefix")
                .execute(Tuple.of(siteCode, laneId, codes.toArray(String[]::new)))
                .map(rows -> {
                    List<FieldError> errors = new ArrayList<>();
                    rows.forEach(row -> {
                        for (String code : row.getArrayOfStrings("shared")) {
                            errors.add(FieldError.of("serviceCodes[" + codes.indexOf(code) + "]",
                                    "service-in-other-lane", code, row.getString("prefix")));
                        }
                    });
                    InputValidator.failIfAny(errors);
                    return null;
                });
    }
}
