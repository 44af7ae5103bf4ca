package id.satupintu.platform.files;

import java.util.UUID;

/** A file in the {@link FileStore}: where its bytes are and what is known of them, as its owner's row records. */
public record StoredFile(UUID id, DocumentFormat format, long size, String sha256) {

    public String mediaType() {
        return DocumentFormats.mediaType(format);
    }

    /** The number of chunks its bytes are stored in. */
    int chunks() {
        return Math.toIntExact((size + FileStore.CHUNK - 1) / FileStore.CHUNK);
    }
}
