package id.satupintu.queue.counter;

import id.satupintu.queue.ticket.TicketView;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A counter, its session (open, pause, close) and its calls. */
@Path("/api/v1/counters/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class CounterResource {

    @Inject
    CounterService counters;

    @Inject
    CallService calls;

    @Inject
    CurrentUser currentUser;

    /** The public counter for anyone; the site's staff and admins see its session too. */
    @GET
    public Uni<Response> get(@PathParam("id") String id) {
        return currentUser.findOrAnonymous().flatMap(caller -> counters.findFor(caller.orElse(null), id))
                .map(CounterResource::perCaller);
    }

    /** The answer depends on who asks, so a shared cache must not hand one caller's to another. */
    static Response perCaller(Object view) {
        return Response.ok(view).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    public Uni<Counter> replace(@PathParam("id") String id, @Valid @NotNull CounterInput input) {
        return currentUser.require().flatMap(caller -> counters.replace(caller, id, input));
    }

    @POST
    @Path("/open")
    @RolesAllowed("**")
    public Uni<Counter> open(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> counters.open(caller, id));
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    public Uni<Counter> pause(@PathParam("id") String id, @Valid @NotNull PauseRequest request) {
        return currentUser.require().flatMap(caller -> counters.pause(caller, id, request));
    }

    @POST
    @Path("/close")
    @RolesAllowed("**")
    public Uni<Counter> close(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> counters.close(caller, id));
    }

    /** 200 with the called ticket, or 204 when nobody is waiting for this counter. */
    @POST
    @Path("/call-next")
    @RolesAllowed("**")
    public Uni<Response> callNext(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> calls.callNext(caller, id))
                .map(called -> called.map(ticket -> Response.ok(TicketView.of(ticket, null, true)))
                        .orElseGet(Response::noContent).build());
    }
}
