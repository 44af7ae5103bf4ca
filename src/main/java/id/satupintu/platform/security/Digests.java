package id.satupintu.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the service uses: for opaque high-entropy secrets it stores only the hash of
 * (refresh tokens, booking QR tokens, anonymous reporters' secrets, survey tokens), for content
 * addresses (document ETags, idempotency request fingerprints) and key thumbprints. High-entropy
 * secrets need neither salt nor stretching; passwords do, and go through PasswordHasher instead.
 */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A running digest, for content that arrives in pieces (streamed uploads). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
