package id.satupintu.complaint;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reading complaints over REST. Filing needs no account (anonymous, filing.ComplaintFilingResource);
 * an anonymous reporter then follows with the tracking code and the secret in the {@value #SECRET}
 * header, here and in handling.ComplaintHandlingResource.
 */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class ComplaintResource {

    /** The header that carries an anonymous reporter's secret (a header, so it stays out of access logs). */
    public static final String SECRET = "X-Complaint-Secret";

    @Inject
    ComplaintReads complaints;

    @Inject
    CurrentUser currentUser;

    @Inject
    Conditional conditional;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    /** The handling list: the site's desk sees its site, agency staff what is forwarded to them. */
    @GET
    public Uni<Response> list(@QueryParam("state") String state, @QueryParam("kind") String kind,
                              @QueryParam("category") String category, @QueryParam("site") String site,
                              @QueryParam("agency") String agency, @QueryParam("late") String late,
                              @QueryParam("cursor") String cursor,
                              @QueryParam("limit") String limit,
                              @Context HttpHeaders headers) {
        int size = PageSize.STANDARD.limit(limit);
        ComplaintFilter filter = new ComplaintFilter(QueryParams.parseEnum(ComplaintState.class, "state", state),
                QueryParams.parseEnum(ComplaintKind.class, "kind", kind), blankToNull(category), blankToNull(site),
                blankToNull(agency), QueryParams.parseBoolean("late", late));
        return currentUser.require().flatMap(caller -> complaints.list(caller, filter, cursor, size))
                .map(page -> conditional.ok(headers, page, Conditional.privateNoCache()));
    }

    @GET
    @Path("/{trackingCode}")
    public Uni<Response> get(@PathParam("trackingCode") String trackingCode, @HeaderParam(SECRET) String secret,
                             @Context HttpHeaders headers) {
        return currentUser.find().flatMap(caller -> complaints.find(caller.orElse(null), trackingCode, secret))
                .map(view -> conditional.ok(headers, view, Conditional.privateNoCache()));
    }

    @GET
    @Path("/{trackingCode}/history")
    public Uni<List<ComplaintHistoryEntry>> history(@PathParam("trackingCode") String trackingCode,
                                                    @HeaderParam(SECRET) String secret) {
        return currentUser.find().flatMap(caller -> complaints.history(caller.orElse(null), trackingCode, secret));
    }

    /** Live changes for the reporter and staff; reconnect with Last-Event-ID to get what was missed. */
    @GET
    @Path("/{trackingCode}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("trackingCode") String trackingCode,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return live.sse(sse, guard.admitted(String.class), lastEventId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
