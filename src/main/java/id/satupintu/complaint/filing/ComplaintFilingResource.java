package id.satupintu.complaint.filing;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Filing a complaint over REST; no account needed (anonymous). The answer of an anonymous filing
 * carries the secret its reporter then follows with (see ComplaintResource).
 */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class ComplaintFilingResource {

    @Inject
    ComplaintFiling filing;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @POST
    public Uni<Response> file(ComplaintInput input, @Context RoutingContext routing) {
        String address = clientAddress.of(routing.request());
        return currentUser.find().flatMap(caller -> filing.file(caller.orElse(null), input, address))
                .map(filed -> Response.status(201)
                        .location(URI.create("/api/v1/complaints/" + filed.complaint().trackingCode()))
                        .entity(filed).build());
    }
}
