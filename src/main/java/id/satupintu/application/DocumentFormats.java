package id.satupintu.application;

import id.satupintu.catalog.DocumentFormat;
import java.util.Optional;

/** Recognises a file by its first bytes: names and declared types are the sender's claims, not facts. */
final class DocumentFormats {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private DocumentFormats() {
    }

    static Optional<DocumentFormat> sniff(byte[] content) {
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

    static String mediaType(DocumentFormat format) {
        return switch (format) {
            case PDF -> "application/pdf";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
        };
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
