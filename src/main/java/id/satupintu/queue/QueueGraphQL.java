package id.satupintu.queue;

import id.satupintu.queue.board.BoardCall;
import id.satupintu.queue.board.BoardService;
import id.satupintu.queue.counter.CallService;
import id.satupintu.queue.counter.Counter;
import id.satupintu.queue.counter.CounterInput;
import id.satupintu.queue.counter.CounterService;
import id.satupintu.queue.counter.Lane;
import id.satupintu.queue.counter.LaneInput;
import id.satupintu.queue.counter.LaneService;
import id.satupintu.queue.counter.PauseRequest;
import id.satupintu.queue.counter.PublicCounter;
import id.satupintu.queue.counter.TransferRequest;
import id.satupintu.queue.ticket.Ticket;
import id.satupintu.queue.ticket.TicketRequest;
import id.satupintu.queue.ticket.TicketService;
import id.satupintu.queue.ticket.TicketView;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import io.smallrye.graphql.api.Subscription;

/** The queue over GraphQL: the same services and rules as the REST API. */
@GraphQLApi
public class QueueGraphQL {

    @Inject
    GraphQLCalls calls;


    @Inject
    LaneService lanes;

    @Inject
    CounterService counters;

    @Inject
    TicketService tickets;

    @Inject
    CallService callService;

    @Inject
    BoardService board;

    @Inject
    LiveStreams live;

    @Inject
    EventLog events;

    @Query
    public Uni<List<Lane>> queueLanes(@NonNull String site) {
        return calls.run(() -> lanes.list(site));
    }

    @Query
    @Description("The site's counters as the hall sees them: number, name, lanes, open or not")
    public Uni<List<PublicCounter>> queueCounters(@NonNull String site) {
        return calls.run(() -> counters.publicList(site));
    }

    @Query
    @Description("The site's counters with their sessions (who holds each, why it is paused); for the site's staff")
    public Uni<List<Counter>> queueCounterSessions(@NonNull String site) {
        return calls.asCaller(caller -> counters.staffList(caller, site));
    }

    @Query
    @Description("A ticket with its position and estimated wait; for its holder, its issuer and the site's staff")
    public Uni<TicketView> queueTicket(@NonNull String id) {
        return calls.asCaller(caller -> tickets.view(caller, id));
    }

    @Query
    @Description("The latest calls of a site, newest first, as its display board shows them")
    public Uni<List<BoardCall>> queueBoard(@NonNull String site) {
        return calls.run(() -> board.recentCalls(site));
    }

    @Mutation
    public Uni<TicketView> issueTicket(@NonNull String site, @NonNull TicketRequest input) {
        return calls.asCaller(caller -> tickets.issue(caller, site, input).flatMap(t -> tickets.view(caller, t)));
    }

    @Mutation
    @Description("The next ticket for the counter, or null when nobody is waiting for it")
    public Uni<TicketView> callNext(@NonNull String counterId) {
        return calls.asCaller(caller -> callService.callNext(caller, counterId)).map(called -> called.map(QueueGraphQL::staffView)
                .orElse(null));
    }

    @Mutation
    public Uni<TicketView> recallTicket(@NonNull String id) {
        return calls.asCaller(caller -> callService.recall(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<TicketView> startTicket(@NonNull String id) {
        return calls.asCaller(caller -> callService.start(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<TicketView> finishTicket(@NonNull String id) {
        return calls.asCaller(caller -> callService.finish(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<TicketView> markNoShow(@NonNull String id) {
        return calls.asCaller(caller -> callService.noShow(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<TicketView> returnTicket(@NonNull String id) {
        return calls.asCaller(caller -> callService.returnToQueue(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<TicketView> transferTicket(@NonNull String id, @NonNull TransferRequest input) {
        return calls.asCaller(caller -> callService.transfer(caller, id, input)).map(QueueGraphQL::staffView);
    }

    @Mutation
    @Description("Staff or a kiosk of the site confirm the priority a citizen claimed from a phone")
    public Uni<TicketView> confirmTicketPriority(@NonNull String id) {
        return calls.asCaller(caller -> tickets.confirmPriority(caller, id)).map(QueueGraphQL::staffView);
    }

    @Mutation
    public Uni<Lane> createLane(@NonNull String site, @NonNull LaneInput input) {
        return calls.asCaller(caller -> lanes.create(caller, site, input));
    }

    @Mutation
    public Uni<Lane> updateLane(@NonNull String site, @NonNull String prefix, @NonNull LaneInput input) {
        return calls.asCaller(caller -> lanes.replace(caller, site, prefix, input));
    }

    @Mutation
    public Uni<Counter> createCounter(@NonNull String site, @NonNull CounterInput input) {
        return calls.asCaller(caller -> counters.create(caller, site, input));
    }

    @Mutation
    public Uni<Counter> updateCounter(@NonNull String id, @NonNull CounterInput input) {
        return calls.asCaller(caller -> counters.replace(caller, id, input));
    }

    @Mutation
    public Uni<Counter> openCounter(@NonNull String id) {
        return calls.asCaller(caller -> counters.open(caller, id));
    }

    @Mutation
    public Uni<Counter> pauseCounter(@NonNull String id, @NonNull String reason) {
        return calls.asCaller(caller -> counters.pause(caller, id, new PauseRequest(reason)));
    }

    @Mutation
    public Uni<Counter> closeCounter(@NonNull String id) {
        return calls.asCaller(caller -> counters.close(caller, id));
    }

    @Subscription
    @Description("Calls and other ticket changes at a site as they happen (public, like the board in the hall)")
    public Multi<BoardEvent> boardEvents(@NonNull String site) {
        // A subscriber starts from now: what the board already showed is in queueBoard.
        return calls.run(() -> tickets.site(site).flatMap(known -> events.lastId()))
                .onItem().transformToMulti(last -> live.events("board:" + site, last))
                .map(BoardEvent::of);
    }

    @Subscription
    @Description("A ticket's changes, from its issue on, for its holder, its issuer and the site's staff")
    public Multi<QueueEvent> ticketEvents(@NonNull String id) {
        return calls.asCaller(caller -> tickets.readable(caller, id))
                .onItem().transformToMulti(ticket -> live.events("ticket:" + ticket.id(), 0))
                .map(QueueEvent::of);
    }


    private static TicketView staffView(Ticket ticket) {
        return TicketView.of(ticket, null, true);
    }
}
