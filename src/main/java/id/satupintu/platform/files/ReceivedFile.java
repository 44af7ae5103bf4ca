package id.satupintu.platform.files;

import id.satupintu.platform.error.ProblemException;

/**
 * An upload as received by {@link FileStore#receive}: its bytes in a temporary file (the spool) until the
 * store writes them, its size and SHA-256 counted on the way, its first bytes kept to tell its format.
 */
public record ReceivedFile(String spool, long size, String sha256, byte[] head) {

    /** What the content is, whatever the sender declared: 415 document-format-unrecognised if none we take. */
    public DocumentFormat format() {
        return DocumentFormats.sniff(head).orElseThrow(() -> new ProblemException(415, "document-format-unrecognised"));
    }
}
