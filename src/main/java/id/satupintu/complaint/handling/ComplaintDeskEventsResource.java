package id.satupintu.complaint.handling;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import io.smallrye.mutiny.Multi;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The site's complaint desk live: new complaints, due-soon warnings and escalations of missed
 * deadlines (no reporter identity). Without Last-Event-ID it starts from the 50 newest events.
 */
@Path("/api/v1/sites/{siteCode}/complaint-events")
@Tag(name = "complaints")
public class ComplaintDeskEventsResource {

    private static final int RECENT = 50;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("siteCode") String siteCode,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return live.sseRecent(sse, guard.admitted(String.class), lastEventId, RECENT);
    }
}
