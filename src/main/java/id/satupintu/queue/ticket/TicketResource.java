package id.satupintu.queue.ticket;

import id.satupintu.queue.counter.CallService;
import id.satupintu.queue.counter.TransferRequest;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A ticket: its state for the holder and staff, its live stream, and the counter's actions on it. */
@Path("/api/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@RolesAllowed("**")
public class TicketResource {

    @Inject
    TicketService tickets;

    @Inject
    CallService calls;

    @Inject
    CurrentUser currentUser;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    @GET
    public Uni<TicketView> get(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> tickets.view(caller, id));
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        return live.sse(sse, guard.admitted(String.class), lastEventId);
    }

    @POST
    @Path("/recall")
    public Uni<TicketView> recall(@PathParam("id") String id) {
        return act(caller -> calls.recall(caller, id));
    }

    @POST
    @Path("/start")
    public Uni<TicketView> start(@PathParam("id") String id) {
        return act(caller -> calls.start(caller, id));
    }

    @POST
    @Path("/finish")
    public Uni<TicketView> finish(@PathParam("id") String id) {
        return act(caller -> calls.finish(caller, id));
    }

    @POST
    @Path("/no-show")
    public Uni<TicketView> noShow(@PathParam("id") String id) {
        return act(caller -> calls.noShow(caller, id));
    }

    @POST
    @Path("/return")
    public Uni<TicketView> returnToQueue(@PathParam("id") String id) {
        return act(caller -> calls.returnToQueue(caller, id));
    }

    @POST
    @Path("/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketView> transfer(@PathParam("id") String id, @Valid @NotNull TransferRequest request) {
        return act(caller -> calls.transfer(caller, id, request));
    }

    /** Staff or a kiosk of the site confirm the priority a citizen claimed from a phone. */
    @POST
    @Path("/priority-confirmation")
    public Uni<TicketView> confirmPriority(@PathParam("id") String id) {
        return act(caller -> tickets.confirmPriority(caller, id));
    }

    /** A counter's action on the ticket, answered with the ticket as staff see it. */
    private Uni<TicketView> act(Function<Caller, Uni<Ticket>> action) {
        return currentUser.require().flatMap(action::apply).map(ticket -> TicketView.of(ticket, null, true));
    }
}
