package id.satupintu.complaint;

import id.satupintu.platform.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tracking codes ({@code ADU-7KQ4M-X2H9P}: 50 random bits in Crockford's alphabet, no I, L, O, U to
 * misread) and the secrets anonymous reporters follow with (192 random bits). A secret that random
 * needs no slow hash: SHA-256 is enough to make the stored value useless to a reader of the table.
 */
public final class ComplaintCodes {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("ADU-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ComplaintCodes() {
    }

    public static String nextTrackingCode() {
        StringBuilder code = new StringBuilder("ADU-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length())));
        }
        return code.toString();
    }

    /** Upper case, O read as 0 and I/L as 1, as people retype codes; null stays null. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.trim().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1')
                .replace("AD0-", "ADU-");
    }

    static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    public static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String text) {
        return Digests.sha256Hex(text);
    }

    /** Compares a presented secret with the stored hash in constant time. */
    static boolean secretMatches(String secret, String storedHash) {
        if (secret == null || storedHash == null || secret.length() > 200) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
