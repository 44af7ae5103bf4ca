package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintResource;
import id.satupintu.platform.files.FileDownloads;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attachments of a complaint; the upload body is the raw file, its content decides the format. */
@Path("/api/v1/complaints/{trackingCode}/attachments")
@Tag(name = "complaints")
public class ComplaintAttachmentResource {

    @Inject
    ComplaintAttachments attachments;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@PathParam("trackingCode") String trackingCode,
                             @HeaderParam(ComplaintResource.SECRET) String secret, byte[] content) {
        return currentUser.find()
                .flatMap(caller -> attachments.add(caller.orElse(null), trackingCode, secret, content))
                .map(info -> Response.status(201).entity(info).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ComplaintAttachment>> list(@PathParam("trackingCode") String trackingCode,
                                               @HeaderParam(ComplaintResource.SECRET) String secret) {
        return currentUser.find().flatMap(caller -> attachments.list(caller.orElse(null), trackingCode, secret));
    }

    @GET
    @Path("/{number}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> download(@PathParam("trackingCode") String trackingCode, @PathParam("number") int number,
                                  @HeaderParam(ComplaintResource.SECRET) String secret, @Context Request request) {
        return currentUser.find()
                .flatMap(caller -> attachments.download(caller.orElse(null), trackingCode, secret, number))
                .map(d -> FileDownloads.of(request, d.content(), d.info().mediaType(), d.info().sha256()));
    }
}
