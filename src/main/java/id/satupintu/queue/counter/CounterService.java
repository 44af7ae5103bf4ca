package id.satupintu.queue.counter;

import id.satupintu.queue.QueueAccess;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** Counters (loket) of a site and their sessions: staff open, pause (with a reason) and close them. */
@ApplicationScoped
public class CounterService {

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    InputValidator validator;

    public Uni<List<Counter>> list(String siteCode) {
        return sites.find(siteCode).flatMap(site -> pool
                .preparedQuery(Counter.SELECT + "where c.site_code = $1 order by c.number")
                .execute(Tuple.of(siteCode))
                .map(rows -> QueueAccess.all(rows, Counter::of)));
    }

    public Uni<Counter> find(String id) {
        return find(pool, QueueAccess.parseId("counter", id), false);
    }

    /**
     * The site's counters as the caller may see them: in full for the site's staff and admins, the
     * public view for anyone else (null: anonymous), devices in the hall included.
     */
    public Uni<List<?>> listFor(Caller caller, String siteCode) {
        return list(siteCode).map(all -> seesSessions(caller, siteCode) ? all
                : all.stream().map(PublicCounter::of).toList());
    }

    /** One counter as the caller may see it; see {@link #listFor}. */
    public Uni<Object> findFor(Caller caller, String id) {
        return find(id).map(counter -> seesSessions(caller, counter.siteCode()) ? counter : PublicCounter.of(counter));
    }

    /** The public view of the site's counters, whoever asks. */
    public Uni<List<PublicCounter>> publicList(String siteCode) {
        return list(siteCode).map(all -> all.stream().map(PublicCounter::of).toList());
    }

    /** The site's counters in full, with their sessions: for the site's staff and admins only (403). */
    public Uni<List<Counter>> staffList(Caller caller, String siteCode) {
        if (!seesSessions(caller, siteCode)) {
            return Uni.createFrom().failure(ProblemException.forbidden());
        }
        return list(siteCode);
    }

    private static boolean seesSessions(Caller caller, String siteCode) {
        return caller != null && QueueAccess.isStaffOf(caller, siteCode);
    }

    static Uni<Counter> find(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(Counter.SELECT + "where c.id = $1" + (lock ? " for update of c" : ""))
                .execute(Tuple.of(id))
                .map(rows -> QueueAccess.first(rows, Counter::of, "counter", id));
    }

    public Uni<Counter> create(Caller caller, String siteCode, CounterInput input) {
        QueueAccess.requireSiteManager(caller, siteCode);
        InputValidator.failIfAny(validator.violations(input, "body"));
        return sites.find(siteCode).flatMap(site -> pool.withTransaction(tx -> laneIds(tx, siteCode, input.lanes())
                        .flatMap(laneIds -> tx.preparedQuery("insert into queue_counter (site_code, number, name, lane_ids) "
                                        + "values ($1, $2, $3, $4) returning id")
                                .execute(Tuple.of(siteCode, input.number(), input.name(), laneIds)))
                        .flatMap(rows -> find(tx, rows.iterator().next().getUUID("id"), false))))
                .onFailure(failure -> QueueAccess.violates(failure, "queue_counter_site_code_number_key"))
                .transform(failure -> ProblemException.conflict("counter-exists", siteCode, input.number()));
    }

    public Uni<Counter> replace(Caller caller, String id, CounterInput input) {
        UUID counterId = QueueAccess.parseId("counter", id);
        InputValidator.failIfAny(validator.violations(input, "body"));
        return pool.withTransaction(tx -> find(tx, counterId, true).flatMap(counter -> {
                    QueueAccess.requireSiteManager(caller, counter.siteCode());
                    return laneIds(tx, counter.siteCode(), input.lanes())
                            .flatMap(laneIds -> tx.preparedQuery("update queue_counter set number = $2, name = $3, "
                                            + "lane_ids = $4 where id = $1")
                                    .execute(Tuple.of(counterId, input.number(), input.name(), laneIds)))
                            .flatMap(done -> find(tx, counterId, false));
                }))
                .onFailure(failure -> QueueAccess.violates(failure, "queue_counter_site_code_number_key"))
                .transform(failure -> ProblemException.conflict("counter-exists", "", input.number()));
    }

    /** Opens a closed counter, or resumes a paused one, for the calling member of staff. */
    public Uni<Counter> open(Caller caller, String id) {
        return session(caller, id, (tx, counter) -> switch (counter.status()) {
            case CLOSED -> tx.preparedQuery("insert into queue_counter_session (counter_id, staff_id) values ($1, $2)")
                    .execute(Tuple.of(counter.id(), caller.id()))
                    .flatMap(done -> setStatus(tx, counter.id(), CounterStatus.OPEN, null, caller.id()));
            case PAUSED -> requireHolder(caller, counter)
                    .flatMap(done -> tx.preparedQuery("update queue_counter_pause p set resumed_at = now() "
                                    + "from queue_counter_session s where p.session_id = s.id and s.counter_id = $1 "
                                    + "and s.closed_at is null and p.resumed_at is null")
                            .execute(Tuple.of(counter.id())))
                    .flatMap(done -> setStatus(tx, counter.id(), CounterStatus.OPEN, null, caller.id()));
            case OPEN -> requireHolder(caller, counter).replaceWith(Uni.createFrom().voidItem());
        });
    }

    public Uni<Counter> pause(Caller caller, String id, PauseRequest request) {
        InputValidator.failIfAny(validator.violations(request, "body"));
        return session(caller, id, (tx, counter) -> {
            if (counter.status() != CounterStatus.OPEN) {
                throw ProblemException.conflict("counter-not-open", counter.number());
            }
            return requireHolder(caller, counter)
                    .flatMap(done -> tx.preparedQuery("insert into queue_counter_pause (session_id, reason) "
                                    + "select id, $2 from queue_counter_session where counter_id = $1 and closed_at is null")
                            .execute(Tuple.of(counter.id(), request.reason())))
                    .flatMap(done -> setStatus(tx, counter.id(), CounterStatus.PAUSED, request.reason(), caller.id()));
        });
    }

    /** Closes the session; a ticket still called or in service at the counter must be dealt with first. */
    public Uni<Counter> close(Caller caller, String id) {
        return session(caller, id, (tx, counter) -> {
            if (counter.status() == CounterStatus.CLOSED) {
                return Uni.createFrom().voidItem();
            }
            return requireHolder(caller, counter)
                    .flatMap(done -> requireIdle(tx, counter))
                    .flatMap(done -> tx.preparedQuery("update queue_counter_pause p set resumed_at = now() "
                                    + "from queue_counter_session s where p.session_id = s.id and s.counter_id = $1 "
                                    + "and s.closed_at is null and p.resumed_at is null")
                            .execute(Tuple.of(counter.id())))
                    .flatMap(done -> tx.preparedQuery("update queue_counter_session set closed_at = now(), "
                                    + "closed_by = $2 where counter_id = $1 and closed_at is null")
                            .execute(Tuple.of(counter.id(), caller.id())))
                    .flatMap(done -> setStatus(tx, counter.id(), CounterStatus.CLOSED, null, null));
        });
    }

    /** Fails with counter-busy while a ticket is called to or served at the counter. */
    static Uni<Void> requireIdle(SqlClient tx, Counter counter) {
        return tx.preparedQuery("select number from queue_ticket where counter_id = $1 "
                        + "and status in ('CALLED', 'SERVING') limit 1")
                .execute(Tuple.of(counter.id()))
                .map(rows -> {
                    if (rows.iterator().hasNext()) {
                        throw ProblemException.conflict("counter-busy", counter.number(),
                                rows.iterator().next().getString("number"));
                    }
                    return null;
                });
    }

    private Uni<Counter> session(Caller caller, String id, BiFunction<SqlClient, Counter, Uni<Void>> change) {
        UUID counterId = QueueAccess.parseId("counter", id);
        return pool.withTransaction(tx -> find(tx, counterId, true).flatMap(counter -> {
            QueueAccess.requireCounterStaff(caller, counter.siteCode());
            return change.apply(tx, counter).flatMap(done -> find(tx, counterId, false));
        }));
    }

    /** Only the member of staff who opened the session continues, pauses or closes it. */
    private static Uni<Void> requireHolder(Caller caller, Counter counter) {
        if (!caller.id().equals(counter.staffId())) {
            return Uni.createFrom().failure(ProblemException.conflict("counter-in-use", counter.number()));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> setStatus(SqlClient tx, UUID id, CounterStatus status, String reason, String staffId) {
        return tx.preparedQuery("update queue_counter set status = $2, pause_reason = $3, staff_id = $4, "
                        + "priority_streak = case when $2 = 'CLOSED' then 0 else priority_streak end where id = $1")
                .execute(Tuple.of(id, status.name(), reason, staffId))
                .replaceWithVoid();
    }

    /** The ids of the site's lanes with the given prefixes; unknown prefixes are field errors. */
    private static Uni<UUID[]> laneIds(SqlClient tx, String siteCode, List<String> prefixes) {
        return tx.preparedQuery("select id, prefix from queue_lane where site_code = $1 and prefix = any($2)")
                .execute(Tuple.of(siteCode, prefixes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, UUID> byPrefix = new HashMap<>();
                    rows.forEach(row -> byPrefix.put(row.getString("prefix"), row.getUUID("id")));
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < prefixes.size(); i++) {
                        if (!byPrefix.containsKey(prefixes.get(i))) {
                            errors.add(FieldError.of("lanes[" + i + "]", "unknown-lane", prefixes.get(i)));
                        }
                    }
                    InputValidator.failIfAny(errors);
                    return prefixes.stream().distinct().map(byPrefix::get).toArray(UUID[]::new);
                });
    }
}
