package id.satupintu.application.document;

import id.satupintu.platform.files.DocumentFormats;
import id.satupintu.platform.files.DocumentFormat;
import java.time.OffsetDateTime;

/** An uploaded document as listed to the applicant and the agency's staff. */
public record DocumentInfo(String requirementCode, DocumentFormat format, String mediaType, int size, String sha256,
                           OffsetDateTime uploadedAt) {

    static DocumentInfo of(ApplicationDocument d) {
        return new DocumentInfo(d.key.requirementCode(), d.format, DocumentFormats.mediaType(d.format), d.sizeBytes,
                d.sha256, d.uploadedAt);
    }
}
