package id.satupintu.application.document;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

/** A download is a stream too: whether the document exists and the caller may read it is settled first. */
@Singleton
class DocumentDownloadAdmission implements StreamAdmission {

    @Inject
    ApplicationDocuments documents;

    @Override
    public Class<?> resource() {
        return ApplicationDocumentResource.class;
    }

    /** The document to send. */
    @Override
    public Uni<ApplicationDocuments.Download> admit(Caller caller, ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        return documents.download(CurrentUser.signedIn(caller), path.getFirst("trackingNumber"),
                path.getFirst("requirementCode"));
    }
}
