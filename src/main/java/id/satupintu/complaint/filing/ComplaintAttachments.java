package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.complaint.ComplaintLookup;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.files.DocumentFormat;
import id.satupintu.platform.files.FileStore;
import id.satupintu.platform.files.ReceivedFile;
import id.satupintu.platform.files.StoredFile;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Attachments of a complaint (a photo of the unofficial receipt, a letter): the documents rules of
 * applications (PDF, JPEG or PNG by content, {@code satupintu.documents.max-bytes}), added by the
 * reporter while the complaint is open, read by whoever may read the complaint. The bytes are in the
 * platform's {@link FileStore}; the attachment row holds their file id.
 */
@ApplicationScoped
class ComplaintAttachments {

    @Inject
    ComplaintConfig config;

    @Inject
    FileStore files;

    @Inject
    Clock clock;

    /** Adds a received file (size limit and body already checked as it streamed in) as the next attachment. */
    @WithTransaction
    Uni<ComplaintAttachment> add(Caller caller, String trackingCode, String secret, ReceivedFile content) {
        DocumentFormat format = content.format();
        return ComplaintLookup.locked(caller, secret, trackingCode).flatMap(c -> {
            if (!ComplaintAccess.isReporter(caller, secret, c)) {
                throw ProblemException.forbidden();
            }
            if (!c.state.isOpen()) {
                throw ProblemException.conflict("complaint-closed", c.state);
            }
            OffsetDateTime now = clock.timestamp();
            int size = Math.toIntExact(content.size());
            // The complaint row is locked, so the next number cannot be taken twice.
            return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                    "select coalesce(max(number), 0) from complaint_attachment where complaint_id = ?1",
                                    Integer.class)
                            .setParameter(1, c.id).getSingleResult())
                    .flatMap(last -> {
                        int max = config.complaints().maxAttachments();
                        if (last >= max) {
                            throw ProblemException.conflict("complaint-attachment-limit", max);
                        }
                        c.updatedAt = now;
                        return files.write(content).flatMap(fileId -> Panache.getSession().flatMap(session -> session
                                        .createNativeQuery("insert into complaint_attachment (complaint_id, number, format, "
                                                + "size_bytes, sha256, uploaded_at, file_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                                        .setParameter(1, c.id).setParameter(2, last + 1).setParameter(3, format.name())
                                        .setParameter(4, size).setParameter(5, content.sha256()).setParameter(6, now)
                                        .setParameter(7, fileId).executeUpdate()))
                                .replaceWith(ComplaintAttachment.of(last + 1, format, size, content.sha256(), now));
                    });
        });
    }

    @WithSession
    Uni<List<ComplaintAttachment>> list(Caller caller, String trackingCode, String secret) {
        return ComplaintLookup.readable(caller, secret, trackingCode).flatMap(c -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select number, format, size_bytes, sha256, uploaded_at "
                                + "from complaint_attachment where complaint_id = ?1 order by number", Object[].class)
                        .setParameter(1, c.id).getResultList())
                .map(rows -> rows.stream().map(ComplaintAttachments::info).toList()));
    }

    /** Where an attachment's bytes are, for a caller who may read the complaint. */
    @WithSession
    Uni<StoredFile> download(Caller caller, String trackingCode, String secret, int number) {
        return ComplaintLookup.readable(caller, secret, trackingCode).flatMap(c -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select file_id, format, size_bytes, sha256 "
                                + "from complaint_attachment where complaint_id = ?1 and number = ?2", Object[].class)
                        .setParameter(1, c.id).setParameter(2, number).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new ProblemException(404, "complaint-attachment-not-found", number);
                    }
                    Object[] row = rows.get(0);
                    return new StoredFile(UUID.fromString(String.valueOf(row[0])), DocumentFormat.valueOf((String) row[1]),
                            ((Number) row[2]).longValue(), (String) row[3]);
                }));
    }

    private static ComplaintAttachment info(Object[] row) {
        return ComplaintAttachment.of(((Number) row[0]).intValue(), DocumentFormat.valueOf((String) row[1]),
                ((Number) row[2]).intValue(), (String) row[3], toOffset(row[4]));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
