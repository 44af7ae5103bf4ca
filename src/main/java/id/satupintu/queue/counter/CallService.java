package id.satupintu.queue.counter;

import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.QueueConfig;
import id.satupintu.queue.ticket.Ticket;
import id.satupintu.queue.ticket.TicketService;
import id.satupintu.queue.ticket.TicketStatus;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Counters calling tickets and moving them through service. Each counter's calls are serialised by a
 * lock on its row; between counters, SKIP LOCKED hands every waiting ticket to exactly one of them.
 */
@ApplicationScoped
public class CallService {

    private static final Logger LOG = Logger.getLogger(CallService.class);

    /**
     * Tickets transferred to this counter first, then booked tickets whose slot time ({@code $4} is now) has
     * come, then priority citizens (a claim from a phone not yet confirmed is not priority), then first come first served. {@code $3} says whether priority tickets
     * go ahead this time: false once the counter has called max-priority-in-row of them in a row, so
     * regular tickets are never starved. A booked ticket checked in early waits as a regular one until
     * its time; booked tickets are bounded by their slots' capacity, so they cannot starve the others.
     * FOR NO KEY UPDATE, the lock the call's update takes anyway: FOR UPDATE would also conflict with the
     * key-share locks that rows referencing a ticket take (queue_ticket_near while another call tells the
     * tickets near the front), and SKIP LOCKED would then pass over waiting tickets and answer a counter
     * that nobody waits (204) with six in the hall.
     */
    private static final String NEXT = "select t.id from queue_ticket t where t.status = 'WAITING' "
            + "and ((t.lane_id = any($2) and t.target_counter_id is null) or t.target_counter_id = $1) "
            + "order by (t.target_counter_id is not null) desc, (t.booked_for is not null and t.booked_for <= $4) desc, "
            + "((t.priority <> 'NONE' and not t.priority_claimed) = $3) desc, t.issued_at, t.id "
            + "limit 1 for no key update skip locked";

    /** The waiting ticket that is now {@code $2 + 1}-th in the called ticket's lane, if not told yet. */
    /**
     * Every waiting ticket within the first near-position of its lane not told yet, with its position. Not only
     * the one exactly at that position: counters calling at once move a ticket past it in one step (from 6th to
     * 2nd), and each call's look would then find another ticket there. Told once: queue_ticket_near's primary
     * key settles two calls racing for the same ticket, and no ticket row is locked, so call-next never skips
     * a ticket because it is being told.
     */
    private static final String NEAR = "with ahead as (select t.id, row_number() over (order by "
            + "(t.priority <> 'NONE' and not t.priority_claimed) desc, t.issued_at, t.id) as position "
            + "from queue_ticket t where t.status = 'WAITING' and t.lane_id = $1 and t.target_counter_id is null "
            + "order by (t.priority <> 'NONE' and not t.priority_claimed) desc, t.issued_at, t.id limit $2) "
            + "insert into queue_ticket_near (ticket_id, position) select id, position from ahead "
            + "on conflict (ticket_id) do nothing returning ticket_id as id, position";

    @Inject
    Pool pool;

    @Inject
    QueueConfig config;

    @Inject
    TicketService tickets;

    @Inject
    InputValidator validator;


    @Inject
    Clock clock;

    /** The next ticket for the counter, or empty when nobody is waiting for it. */
    public Uni<Optional<Ticket>> callNext(Caller caller, String counterId) {
        UUID id = QueueAccess.parseId("counter", counterId);
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> CounterService.find(tx, id, true).flatMap(counter -> {
            QueueAccess.requireCounterStaff(caller, counter.siteCode());
            requireAtCounter(caller, counter);
            return CounterService.requireIdle(tx, counter)
                    .flatMap(idle -> tx.preparedQuery(NEXT).execute(Tuple.of(counter.id(),
                            counter.laneIds().toArray(UUID[]::new),
                            counter.priorityStreak() < config.queue().maxPriorityInRow(), now)))
                    .flatMap(rows -> {
                        if (!rows.iterator().hasNext()) {
                            return Uni.createFrom().item(Optional.<Ticket>empty());
                        }
                        UUID ticketId = rows.iterator().next().getUUID("id");
                        return tx.preparedQuery("update queue_ticket set status = 'CALLED', counter_id = $2, "
                                        + "target_counter_id = null, called_at = now(), call_count = call_count + 1 "
                                        + "where id = $1 returning priority <> 'NONE' and not priority_claimed as priority, coalesce(booked_for <= $3, false) as due")
                                .execute(Tuple.of(ticketId, counter.id(), now))
                                // A booked ticket called at its time leaves the priority streak as it was: it is neither.
                                .flatMap(updated -> tx.preparedQuery("update queue_counter set priority_streak = "
                                                + "case when $3 then priority_streak when $2 then priority_streak + 1 "
                                                + "else 0 end where id = $1")
                                        .execute(Tuple.of(counter.id(),
                                                updated.iterator().next().getBoolean("priority"),
                                                updated.iterator().next().getBoolean("due"))))
                                .flatMap(done -> changed(tx, ticketId, "ticket.called"))
                                .map(Optional::of);
                    });
        })).call(called -> called.isEmpty() ? Uni.createFrom().voidItem() : tellNear(called.get()));
    }

    public Uni<Ticket> recall(Caller caller, String ticketId) {
        return act(caller, ticketId, Set.of(TicketStatus.CALLED), "ticket.recalled",
                "update queue_ticket set called_at = now(), call_count = call_count + 1 where id = $1");
    }

    public Uni<Ticket> start(Caller caller, String ticketId) {
        return act(caller, ticketId, Set.of(TicketStatus.CALLED), "ticket.serving",
                "update queue_ticket set status = 'SERVING', started_at = now() where id = $1");
    }

    public Uni<Ticket> finish(Caller caller, String ticketId) {
        return act(caller, ticketId, Set.of(TicketStatus.SERVING), "ticket.done",
                "update queue_ticket set status = 'DONE', finished_at = now() where id = $1");
    }

    public Uni<Ticket> noShow(Caller caller, String ticketId) {
        return act(caller, ticketId, Set.of(TicketStatus.CALLED), "ticket.no-show",
                "update queue_ticket set status = 'NO_SHOW', finished_at = now() where id = $1");
    }

    /** Back to the waiting line at its original place (its issue time is unchanged). */
    public Uni<Ticket> returnToQueue(Caller caller, String ticketId) {
        return act(caller, ticketId, Set.of(TicketStatus.CALLED, TicketStatus.SERVING), "ticket.returned",
                "update queue_ticket set status = 'WAITING', counter_id = null, started_at = null where id = $1");
    }

    public Uni<Ticket> transfer(Caller caller, String ticketId, TransferRequest request) {
        InputValidator.failIfAny(validator.violations(request, "body"));
        if (request.lane() == null && request.counterId() == null) {
            throw ProblemException.validation("lane", "lane-or-counter-required");
        }
        UUID id = QueueAccess.parseId("ticket", ticketId);
        return pool.withTransaction(tx -> TicketService.load(tx, id, true).flatMap(ticket -> {
            QueueAccess.requireCounterStaff(caller, ticket.siteCode());
            requireState(ticket, Set.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING));
            return requireHandler(tx, caller, ticket)
                    .flatMap(ok -> request.lane() == null ? Uni.createFrom().item(ticket.laneId())
                            : LaneService.find(tx, ticket.siteCode(), request.lane()).map(Lane::id)
                                    .onFailure(ProblemException.class).transform(e -> ProblemException.validation(
                                            "lane", "unknown-lane", request.lane())))
                    .flatMap(laneId -> targetCounter(tx, ticket.siteCode(), request.counterId())
                            .flatMap(counter -> tx.preparedQuery("update queue_ticket set status = 'WAITING', "
                                            + "lane_id = $2, target_counter_id = $3, counter_id = null, started_at = null "
                                            + "where id = $1")
                                    .execute(Tuple.of(id, laneId, counter))))
                    .flatMap(done -> changed(tx, id, "ticket.transferred"));
        }));
    }

    private Uni<UUID> targetCounter(SqlClient tx, String siteCode, String counterId) {
        if (counterId == null) {
            return Uni.createFrom().nullItem();
        }
        UUID id;
        try {
            id = UUID.fromString(counterId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("counterId", "unknown-counter", counterId);
        }
        return CounterService.find(tx, id, false)
                .onFailure(ProblemException.class).transform(e -> ProblemException.validation("counterId",
                        "unknown-counter", counterId))
                .map(counter -> {
                    if (!counter.siteCode().equals(siteCode)) {
                        throw ProblemException.validation("counterId", "unknown-counter", counterId);
                    }
                    return counter.id();
                });
    }

    private Uni<Ticket> act(Caller caller, String ticketId, Set<TicketStatus> from, String event, String update) {
        UUID id = QueueAccess.parseId("ticket", ticketId);
        return pool.withTransaction(tx -> TicketService.load(tx, id, true).flatMap(ticket -> {
            QueueAccess.requireCounterStaff(caller, ticket.siteCode());
            requireState(ticket, from);
            return requireHandler(tx, caller, ticket)
                    .flatMap(ok -> tx.preparedQuery(update).execute(Tuple.of(id)))
                    .flatMap(done -> changed(tx, id, event));
        }));
    }

    /** A called or served ticket is handled by whoever holds the session of its counter. */
    private static Uni<Void> requireHandler(SqlClient tx, Caller caller, Ticket ticket) {
        if (ticket.counterId() == null) {
            return Uni.createFrom().voidItem();
        }
        return CounterService.find(tx, ticket.counterId(), false).map(counter -> {
            if (!caller.id().equals(counter.staffId())) {
                throw new ProblemException(403, "not-your-counter", counter.number());
            }
            return null;
        });
    }

    private static void requireAtCounter(Caller caller, Counter counter) {
        if (counter.status() != CounterStatus.OPEN) {
            throw ProblemException.conflict("counter-not-open", counter.number());
        }
        if (!caller.id().equals(counter.staffId())) {
            throw new ProblemException(403, "not-your-counter", counter.number());
        }
    }

    private static void requireState(Ticket ticket, Set<TicketStatus> allowed) {
        if (!allowed.contains(ticket.status())) {
            throw ProblemException.conflict("ticket-state", ticket.number(), ticket.status().name());
        }
    }

    /**
     * "Your turn is near": once per ticket, to the holder's stream only, when a call brings it within
     * satupintu.queue.near-position of its lane (priority tickets counted first, as call-next does).
     * Its own transaction after the call's: it locks no ticket, so it cannot deadlock with counters calling
     * nor make one skip a ticket; the call stands even if the notice fails.
     */
    private Uni<Void> tellNear(Ticket called) {
        int nearPosition = config.queue().nearPosition();
        return pool.withTransaction(tx -> tx.preparedQuery(NEAR).execute(Tuple.of(called.laneId(), nearPosition))
                .flatMap(rows -> {
                    Uni<Void> told = Uni.createFrom().voidItem();
                    for (var row : rows) {
                        UUID id = row.getUUID("id");
                        int position = row.getInteger("position");
                        told = told.flatMap(ignored -> TicketService.load(tx, id, false).flatMap(near ->
                                tickets.tellHolder(tx, near, "ticket.near", Map.of("position", position))));
                    }
                    return told;
                }))
                .onFailure().invoke(e -> LOG.warnf(e, "Could not tell the holders near ticket %s", called.number()))
                .onFailure().recoverWithNull();
    }

    private Uni<Ticket> changed(SqlClient tx, UUID id, String event) {
        return TicketService.load(tx, id, false).call(ticket -> tickets.publish(tx, ticket, event));
    }
}
