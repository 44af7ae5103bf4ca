package id.satupintu.queue.booking;

import id.satupintu.queue.ticket.TicketService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A citizen's booking: read, cancel, reschedule, check in by phone, follow live. */
@Path("/api/v1/bookings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@RolesAllowed("**")
public class BookingResource {

    @Inject
    BookingService bookings;

    @Inject
    BookingCheckIn checkIns;

    @Inject
    TicketService tickets;

    @Inject
    CurrentUser currentUser;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    @GET
    public Uni<BookingView> get(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> bookings.view(caller, id));
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
    @Path("/cancel")
    public Uni<BookingView> cancel(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> bookings.cancel(caller, id));
    }

    @POST
    @Path("/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BookingView> reschedule(@PathParam("id") String id, @Valid @NotNull RescheduleRequest request) {
        return currentUser.require().flatMap(caller -> bookings.reschedule(caller, id, request));
    }

    /** The citizen checks in by phone near the window: the booking's ticket, with position and wait. */
    @POST
    @Path("/check-in")
    public Uni<Response> checkIn(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> checkIns.checkIn(caller, id)
                        .flatMap(ticket -> tickets.view(caller, ticket.id().toString())))
                .map(view -> Response.created(URI.create("/api/v1/tickets/" + view.id())).entity(view).build());
    }
}
