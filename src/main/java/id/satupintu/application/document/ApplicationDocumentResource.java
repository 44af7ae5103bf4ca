package id.satupintu.application.document;

import id.satupintu.platform.files.FileStore;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Documents of an application. The upload body is the raw file (no multipart, so a mobile client
 * can send a file as it is); its declared type is ignored, the content decides. The platform's
 * {@link FileStore} keeps the bytes: neither direction holds a whole file in memory.
 */
@Path("/api/v1/applications/{trackingNumber}/documents")
@Tag(name = "applications")
public class ApplicationDocumentResource {

    @Inject
    ApplicationDocuments documents;

    @Inject
    CurrentUser currentUser;

    @Inject
    FileStore files;

    @Inject
    StreamGuard guard;

    @PUT
    @Path("/{requirementCode}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DocumentInfo> upload(@PathParam("trackingNumber") String trackingNumber,
                                    @PathParam("requirementCode") String requirementCode,
                                    @Context HttpServerRequest request) {
        // No entity parameter: the body is left unread (paused) until the checks pass, then streamed in.
        return currentUser.require().flatMap(caller -> documents.mayUpload(caller, trackingNumber, requirementCode)
                .flatMap(allowed -> files.receive(request,
                        received -> documents.upload(caller, trackingNumber, requirementCode, received))));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<DocumentInfo>> list(@PathParam("trackingNumber") String trackingNumber) {
        return currentUser.require().flatMap(caller -> documents.list(caller, trackingNumber));
    }

    /**
     * The file as uploaded, streamed chunk by chunk with its length announced; its SHA-256 is the ETag,
     * so an unchanged document is a 304.
     */
    @GET
    @Path("/{requirementCode}")
    // A stream of bytes, not of events: octet-stream keeps Quarkus REST from sending it as SSE; the
    // document's own media type then replaces it (the file store sets it).
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @GuardedStream
    public RestMulti<byte[]> download(@PathParam("trackingNumber") String trackingNumber,
                                      @PathParam("requirementCode") String requirementCode,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ApplicationDocuments.Download download = guard.admitted(ApplicationDocuments.Download.class);
        return files.download(download.file(), ifNoneMatch);
    }
}
