package id.satupintu.complaint.filing;

import id.satupintu.platform.files.DocumentFormat;
import id.satupintu.platform.files.DocumentFormats;
import java.time.OffsetDateTime;

/** An attachment as listed: numbered 1, 2, ... in upload order; the bytes come with a download only. */
public record ComplaintAttachment(int number, DocumentFormat format, String mediaType, int size, String sha256,
                                  OffsetDateTime uploadedAt) {

    static ComplaintAttachment of(int number, DocumentFormat format, int size, String sha256, OffsetDateTime at) {
        return new ComplaintAttachment(number, format, DocumentFormats.mediaType(format), size, sha256, at);
    }
}
