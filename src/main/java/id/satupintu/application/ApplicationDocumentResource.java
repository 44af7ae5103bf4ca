package id.satupintu.application;

import id.satupintu.identity.CurrentUser;
import id.satupintu.platform.web.FileDownloads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents of an application. The upload body is the raw file (no multipart, so a mobile client
 * can send a file as it is); its declared type is ignored, the content decides.
 */
@Path("/api/v1/applications/{trackingNumber}/documents")
@Tag(name = "applications")
public class ApplicationDocumentResource {

    @Inject
    ApplicationDocuments documents;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/{requirementCode}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DocumentInfo> upload(@PathParam("trackingNumber") String trackingNumber,
                                    @PathParam("requirementCode") String requirementCode, byte[] content) {
        return currentUser.require()
                .flatMap(caller -> documents.upload(caller, trackingNumber, requirementCode, content));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<DocumentInfo>> list(@PathParam("trackingNumber") String trackingNumber) {
        return currentUser.require().flatMap(caller -> documents.list(caller, trackingNumber));
    }

    /** The file as uploaded; its SHA-256 is the ETag, so an unchanged document is a 304. */
    @GET
    @Path("/{requirementCode}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> download(@PathParam("trackingNumber") String trackingNumber,
                                  @PathParam("requirementCode") String requirementCode, @Context Request request) {
        return currentUser.require()
                .flatMap(caller -> documents.download(caller, trackingNumber, requirementCode))
                .map(download -> FileDownloads.of(request, download.content(), download.info().mediaType(),
                        download.info().sha256()));
    }
}
