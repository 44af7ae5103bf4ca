package id.satupintu.homevisit;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.platform.web.Page;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Home visits (jemput bola): request, the supervisor's list and scheduling, the citizen's answer, the team's report. */
@Path("/api/v1/home-visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "home-visits")
public class HomeVisitResource {

    @Inject
    HomeVisitService visits;

    @Inject
    CurrentUser currentUser;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    @POST
    public Uni<Response> request(HomeVisitInput input) {
        return currentUser.require().flatMap(caller -> visits.request(caller, input))
                .map(view -> Response.created(URI.create("/api/v1/home-visits/" + view.id())).entity(view).build());
    }

    /** The agency's requests for the map, by kecamatan and kelurahan; {@code state} narrows; keyset paged. */
    @GET
    public Uni<Page<HomeVisitView>> list(@QueryParam("agency") String agency, @QueryParam("kecamatan") String kecamatan,
                                         @QueryParam("kelurahan") String kelurahan, @QueryParam("state") String state,
                                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = PageSize.STANDARD.limit(limit);
        HomeVisitService.Filter filter = new HomeVisitService.Filter(text("agency", agency), text("kecamatan", kecamatan),
                text("kelurahan", kelurahan), QueryParams.parseEnum(HomeVisitState.class, "state", state));
        return currentUser.require().flatMap(caller -> visits.list(caller, filter, cursor, size));
    }

    @GET
    @Path("/mine")
    public Uni<List<HomeVisitView>> mine() {
        return currentUser.require().flatMap(visits::mine);
    }

    @GET
    @Path("/{id}")
    public Uni<HomeVisitView> get(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> visits.find(caller, id));
    }

    @POST
    @Path("/{id}/schedule")
    public Uni<HomeVisitView> schedule(@PathParam("id") String id, ScheduleInput input) {
        return currentUser.require().flatMap(caller -> visits.schedule(caller, id, input));
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<HomeVisitView> confirm(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> visits.confirm(caller, id));
    }

    @POST
    @Path("/{id}/move")
    public Uni<HomeVisitView> askToMove(@PathParam("id") String id, MoveInput input) {
        return currentUser.require().flatMap(caller -> visits.askToMove(caller, id, input));
    }

    @POST
    @Path("/{id}/outcome")
    public Uni<HomeVisitView> report(@PathParam("id") String id, OutcomeInput input) {
        return currentUser.require().flatMap(caller -> visits.report(caller, id, input));
    }

    @POST
    @Path("/{id}/application")
    public Uni<HomeVisitView> openApplication(@PathParam("id") String id, OpenApplicationInput input) {
        return currentUser.require().flatMap(caller -> visits.openApplication(caller, id, input));
    }

    /** Live state changes; reconnect with Last-Event-ID to get what was missed. */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        return live.sse(sse, guard.admitted(String.class), lastEventId);
    }

    /** A filter's text as given; a NUL character (which PostgreSQL cannot compare) is a client mistake. */
    static String text(String name, String value) {
        if (value != null && (value.indexOf('\u0000') >= 0 || value.length() > 100)) {
            throw id.satupintu.platform.error.ProblemException.validation(name, "invalid-format");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
