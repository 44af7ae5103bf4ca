package id.satupintu.queue.board;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.queue.ticket.Ticket;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site's board: public, as on the screen in the hall (numbers and counters, nobody's name). */
@Path("/api/v1/sites/{code}/board")
@Tag(name = "queue")
public class BoardResource {

    @Inject
    BoardService board;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    /** A board that connects (or a TV that restarts) shows the last few calls, not the day's history. */
    static final int BOARD_RECENT_CALLS = 10;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<BoardCall>> recent(@PathParam("code") String siteCode) {
        return board.recentCalls(siteCode);
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("code") String siteCode,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return live.sseRecent(sse, guard.admitted(String.class), lastEventId, BOARD_RECENT_CALLS, Ticket::boardView);
    }
}
