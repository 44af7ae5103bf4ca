package id.satupintu.application.document;

import id.satupintu.platform.files.DocumentFormat;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What is known of an uploaded document. The bytes are not here: they are in the platform's file
 * store ({@link id.satupintu.platform.files.FileStore}), under {@link #fileId}.
 */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "application_id") UUID applicationId,
                      @Column(name = "requirement_code") String requirementCode) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public DocumentFormat format;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public String sha256;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    /** Where the bytes are: this version's stored file. */
    @Column(name = "file_id")
    public UUID fileId;
}
