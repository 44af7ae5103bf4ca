package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintResource;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.files.StoredFile;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * An attachment download is a stream: whether it exists and the caller (or the anonymous reporter with
 * the secret) may read the complaint is settled before the first byte, like every guarded stream.
 */
@Singleton
class ComplaintAttachmentAdmission implements StreamAdmission {

    @Inject
    ComplaintAttachments attachments;

    @Override
    public Class<?> resource() {
        return ComplaintAttachmentResource.class;
    }

    /** The stored file to send. */
    @Override
    public Uni<StoredFile> admit(Caller caller, ContainerRequestContext request) {
        String number = request.getUriInfo().getPathParameters().getFirst("number");
        return attachments.download(caller, request.getUriInfo().getPathParameters().getFirst("trackingCode"),
                request.getHeaderString(ComplaintResource.SECRET), attachmentNumber(number));
    }

    /** Attachments are numbered 1, 2, ...: a number that is none is not found, text is a malformed path (400). */
    private static int attachmentNumber(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException notANumber) {
            throw new ProblemException(400, "invalid-parameter");
        }
    }
}
