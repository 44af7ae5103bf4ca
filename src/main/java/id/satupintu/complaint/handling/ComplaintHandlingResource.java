package id.satupintu.complaint.handling;

import id.satupintu.complaint.ComplaintResource;
import id.satupintu.complaint.ComplaintView;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handling a complaint over REST: the steps of its workflow, and responses without a state change. */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class ComplaintHandlingResource {

    @Inject
    ComplaintTransitions transitions;

    @Inject
    ComplaintResponses responses;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/{trackingCode}/transitions")
    public Uni<ComplaintView> transition(@PathParam("trackingCode") String trackingCode,
                                         @HeaderParam(ComplaintResource.SECRET) String secret,
                                         ComplaintTransitionInput input) {
        return currentUser.find()
                .flatMap(caller -> transitions.transition(caller.orElse(null), trackingCode, secret, input));
    }

    /** A public response or internal note from staff, or the reporter's reply. */
    @POST
    @Path("/{trackingCode}/responses")
    public Uni<Response> respond(@PathParam("trackingCode") String trackingCode,
                                 @HeaderParam(ComplaintResource.SECRET) String secret, ComplaintResponseInput input) {
        return currentUser.find()
                .flatMap(caller -> responses.respond(caller.orElse(null), trackingCode, secret, input))
                .map(entry -> Response.status(201).entity(entry).build());
    }
}
