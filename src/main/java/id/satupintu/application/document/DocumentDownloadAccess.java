package id.satupintu.application.document;

import id.satupintu.platform.security.CurrentUser;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A download is a stream: once it has started its status cannot change. So who may read the document,
 * and whether it exists, is settled here, before the stream begins: a refusal is a plain problem
 * response (404, 401), not a broken stream. The document found is handed to the resource.
 */
public class DocumentDownloadAccess {

    static final String DOWNLOAD = "satupintu.application.download";

    @Inject
    CurrentUser currentUser;

    @Inject
    ApplicationDocuments documents;

    @Inject
    CurrentVertxRequest request;

    @ServerRequestFilter
    @DownloadsDocument
    public Uni<Response> check(ContainerRequestContext context) {
        MultivaluedMap<String, String> path = context.getUriInfo().getPathParameters();
        return currentUser.require()
                .flatMap(caller -> documents.download(caller, path.getFirst("trackingNumber"),
                        path.getFirst("requirementCode")))
                .map(download -> {
                    request.getCurrent().put(DOWNLOAD, download);
                    return null;
                });
    }
}
