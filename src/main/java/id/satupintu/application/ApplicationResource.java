package id.satupintu.application;

import id.satupintu.application.assignment.ApplicationAssignments;
import id.satupintu.application.assignment.AssignmentInput;
import id.satupintu.application.assignment.WorkQueue;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "applications")
public class ApplicationResource {

    /** The public status may be cached briefly by proxies; a state change shows within this many seconds. */
    private static final int STATUS_MAX_AGE = 10;

    @Inject
    ApplicationFiling filing;

    @Inject
    WorkflowSteps steps;

    @Inject
    ApplicationReads reads;

    @Inject
    CurrentUser currentUser;

    @Inject
    Conditional conditional;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    @Inject
    WorkQueue workQueue;

    @Inject
    ApplicationAssignments assignments;

    /** Files an application, or saves a draft with {@code "draft": true}. Safe to retry with Idempotency-Key. */
    @POST
    public Uni<Response> file(ApplicationInput input, @HeaderParam("Idempotency-Key") String key) {
        return currentUser.require().flatMap(caller -> filing.file(caller, input, key))
                .map(outcome -> Response.status(outcome.status())
                        .location(URI.create("/api/v1/applications/" + outcome.body().trackingNumber()))
                        .entity(outcome.body()).build());
    }

    /**
     * The officer work queue: the agency's applications, closest to breaking the SLA first. By default
     * those waiting for the agency; {@code state}, {@code service}, {@code breached} and
     * {@code assignedTo} ({@code me}, {@code unassigned} or an officer's id) filter.
     */
    @GET
    public Uni<Response> queue(@QueryParam("agency") String agency, @QueryParam("state") String state,
                               @QueryParam("service") String service, @QueryParam("breached") String breached,
                               @QueryParam("assignedTo") String assignedTo, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") String limit,
                               @Context HttpHeaders headers) {
        int size = PageSize.STANDARD.limit(limit);
        WorkQueue.Filter filter = new WorkQueue.Filter(agency, QueryParams.parseEnum(ApplicationState.class, "state", state), service,
                QueryParams.parseBoolean("breached", breached), assignedTo);
        return currentUser.require().flatMap(caller -> workQueue.list(caller, filter, cursor, size))
                .map(page -> conditional.ok(headers, page, Conditional.privateNoCache()));
    }

    @PUT
    @Path("/{trackingNumber}")
    public Uni<ApplicationView> edit(@PathParam("trackingNumber") String trackingNumber, ApplicationInput input) {
        return currentUser.require().flatMap(caller -> filing.edit(caller, trackingNumber, input));
    }

    /**
     * Gives the application to an officer of its agency: a supervisor (or admin) to anyone, an officer
     * only to themself while it is free. Assigning the current assignee again changes nothing.
     */
    @PUT
    @Path("/{trackingNumber}/assignment")
    public Uni<ApplicationView> assign(@PathParam("trackingNumber") String trackingNumber, AssignmentInput input) {
        return currentUser.require().flatMap(caller -> assignments.assign(caller, trackingNumber, input));
    }

    /** Releases the application: a supervisor (or admin), or the assigned officer. */
    @DELETE
    @Path("/{trackingNumber}/assignment")
    public Uni<ApplicationView> unassign(@PathParam("trackingNumber") String trackingNumber) {
        return currentUser.require().flatMap(caller -> assignments.unassign(caller, trackingNumber));
    }

    /** Submits a draft, or resubmits an application returned for revision. Safe to retry with Idempotency-Key. */
    @POST
    @Path("/{trackingNumber}/submit")
    public Uni<ApplicationView> submit(@PathParam("trackingNumber") String trackingNumber,
                                       @HeaderParam("Idempotency-Key") String key) {
        return currentUser.require().flatMap(caller -> steps.submit(caller, trackingNumber, key));
    }

    @POST
    @Path("/{trackingNumber}/transitions")
    public Uni<ApplicationView> transition(@PathParam("trackingNumber") String trackingNumber, TransitionInput input) {
        return currentUser.require().flatMap(caller -> steps.transition(caller, trackingNumber, input));
    }

    @GET
    @Path("/{trackingNumber}")
    public Uni<Response> get(@PathParam("trackingNumber") String trackingNumber, @Context HttpHeaders headers) {
        return currentUser.require().flatMap(caller -> reads.find(caller, trackingNumber))
                .map(view -> conditional.ok(headers, view, Conditional.privateNoCache()));
    }

    /** Public: anyone with the tracking number; never personal data. */
    @GET
    @Path("/{trackingNumber}/status")
    public Uni<Response> status(@PathParam("trackingNumber") String trackingNumber, @Context HttpHeaders headers) {
        return reads.status(trackingNumber)
                .map(status -> conditional.ok(headers, status, Conditional.publicFor(STATUS_MAX_AGE)));
    }

    @GET
    @Path("/{trackingNumber}/history")
    public Uni<List<HistoryEntry>> history(@PathParam("trackingNumber") String trackingNumber) {
        return currentUser.require().flatMap(caller -> reads.history(caller, trackingNumber));
    }

    /** Live state changes; reconnect with Last-Event-ID to get what was missed. */
    @GET
    @Path("/{trackingNumber}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@PathParam("trackingNumber") String trackingNumber,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return live.sse(sse, guard.admitted(String.class), lastEventId);
    }
}
