package id.satupintu.application.document;

import id.satupintu.platform.files.DocumentReceiver;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import io.smallrye.mutiny.Multi;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Documents of an application. The upload body is the raw file (no multipart, so a mobile client
 * can send a file as it is); its declared type is ignored, the content decides. Neither direction
 * holds a whole file in memory: an upload streams to a temporary file and then into PostgreSQL chunk
 * by chunk; a download streams the chunks out one at a time.
 */
@Path("/api/v1/applications/{trackingNumber}/documents")
@Tag(name = "applications")
public class ApplicationDocumentResource {

    @Inject
    ApplicationDocuments documents;

    @Inject
    CurrentUser currentUser;

    @Inject
    DocumentReceiver receiver;

    @Inject
    StreamGuard guard;

    @PUT
    @Path("/{requirementCode}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DocumentInfo> upload(@PathParam("trackingNumber") String trackingNumber,
                                    @PathParam("requirementCode") String requirementCode,
                                    @Context HttpServerRequest request) {
        // No entity parameter: the body is left unread (paused) until the checks pass, then piped to disk.
        return currentUser.require().flatMap(caller -> documents.mayUpload(caller, trackingNumber, requirementCode)
                .flatMap(allowed -> receiver.receive(request))
                .flatMap(received -> documents.upload(caller, trackingNumber, requirementCode, received)
                        .eventually(() -> receiver.discard(received.file()))));
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
    // document's own media type then replaces it (headers below).
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @GuardedStream
    public RestMulti<byte[]> download(@PathParam("trackingNumber") String trackingNumber,
                                      @PathParam("requirementCode") String requirementCode,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ApplicationDocuments.Download download = guard.admitted(ApplicationDocuments.Download.class);
        boolean unchanged = unchanged(download, ifNoneMatch);
        var response = RestMulti.fromMultiData(unchanged ? Multi.createFrom().<byte[]>empty()
                : documents.content(download)).status(unchanged ? 304 : 200);
        headers(download, unchanged).forEach(response::header);
        return response.build();
    }

    private static boolean unchanged(ApplicationDocuments.Download download, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String tag = "\"" + download.info().sha256() + "\"";
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag) || candidate.equals("W/" + tag));
    }

    private static Map<String, String> headers(ApplicationDocuments.Download download, boolean unchanged) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.ETAG, "\"" + download.info().sha256() + "\"");
        headers.put(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (!unchanged) {
            headers.put(HttpHeaders.CONTENT_TYPE, download.info().mediaType());
            headers.put(HttpHeaders.CONTENT_LENGTH, String.valueOf(download.info().size()));
            headers.put("X-Content-Type-Options", "nosniff");
        }
        return headers;
    }
}
