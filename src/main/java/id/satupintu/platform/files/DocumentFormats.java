package id.satupintu.platform.files;

import id.satupintu.platform.security.Digests;
import java.util.Optional;

/**
 * Recognises a file by its first bytes: names and declared types are the sender's claims, not facts.
 * Every upload {@link FileStore} receives is told apart this way (application requirements, complaint attachments).
 */
public final class DocumentFormats {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private DocumentFormats() {
    }

    public static Optional<DocumentFormat> sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(DocumentFormat.PDF);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(DocumentFormat.JPEG);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(DocumentFormat.PNG);
        }
        return Optional.empty();
    }

    public static String mediaType(DocumentFormat format) {
        return switch (format) {
            case PDF -> "application/pdf";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
        };
    }

    /** The lower-case hex SHA-256 of a file: its identity in listings and its ETag. */
    public static String sha256(byte[] content) {
        return Digests.sha256Hex(content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
