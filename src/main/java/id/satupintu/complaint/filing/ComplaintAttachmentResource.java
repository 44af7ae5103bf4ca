package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintResource;
import id.satupintu.platform.files.FileStore;
import id.satupintu.platform.files.StoredFile;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Attachments of a complaint; the upload body is the raw file, its content decides the format. The
 * platform's {@link FileStore} keeps the bytes: neither direction holds a whole file in memory.
 */
@Path("/api/v1/complaints/{trackingCode}/attachments")
@Tag(name = "complaints")
public class ComplaintAttachmentResource {

    @Inject
    ComplaintAttachments attachments;

    @Inject
    CurrentUser currentUser;

    @Inject
    FileStore files;

    @Inject
    StreamGuard guard;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@PathParam("trackingCode") String trackingCode,
                             @HeaderParam(ComplaintResource.SECRET) String secret,
                             @Context HttpServerRequest request) {
        // No entity parameter: the body is streamed into the file store, never read whole.
        return currentUser.find().flatMap(caller -> files.receive(request,
                        received -> attachments.add(caller.orElse(null), trackingCode, secret, received)))
                .map(info -> Response.status(201).entity(info).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ComplaintAttachment>> list(@PathParam("trackingCode") String trackingCode,
                                               @HeaderParam(ComplaintResource.SECRET) String secret) {
        return currentUser.find().flatMap(caller -> attachments.list(caller.orElse(null), trackingCode, secret));
    }

    /**
     * The file as uploaded, streamed chunk by chunk; who may read it, and whether it exists, is settled
     * before the first byte by the stream guard ({@link ComplaintAttachmentAdmission}), so a refusal is a
     * plain problem response.
     */
    @GET
    @Path("/{number}")
    // No @Produces: any Accept is served, as before, and the file's own type is set by the store; a
    // declared */* would make Quarkus REST send the stream as server-sent events.
    @GuardedStream
    public RestMulti<byte[]> download(@PathParam("trackingCode") String trackingCode, @PathParam("number") String number,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return files.download(guard.admitted(StoredFile.class), ifNoneMatch);
    }
}
