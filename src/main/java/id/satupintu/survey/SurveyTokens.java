package id.satupintu.survey;

import id.satupintu.platform.security.Digests;
import id.satupintu.platform.survey.SurveyLinks;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Survey tokens. A token must be shown again and again in its holder's views (and printed on a slip), yet be
 * stored only as a hash: so it is not kept at all but derived, HMAC-SHA256 under a secret key over the
 * transaction's kind and id, cut to {@value #TOKEN_BYTES} bytes (144 bits, 24 base64url characters). Without
 * the key nobody can compute one; the database holds only SHA-256 of each, so a copy of it answers no survey.
 * Checked at start ({@link Startup}): a missing or short key stops the service rather than the first survey.
 */
@Startup
@ApplicationScoped
class SurveyTokens {

    static final int TOKEN_BYTES = 18;
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    @Inject
    SurveyTokens(SurveyConfig config) {
        String encoded = config.survey().tokenKey().orElseThrow(() -> new IllegalStateException(
                "satupintu.survey.token-key (SATUPINTU_SURVEY_TOKEN_KEY) must be set: base64 of 32 random bytes"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("satupintu.survey.token-key is not base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("satupintu.survey.token-key must hold at least " + MIN_KEY_BYTES + " bytes");
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String token(SurveyLinks.Kind kind, UUID transactionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((kind.name() + ":" + transactionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** What is stored of a token, and looked up by. */
    static String hash(String token) {
        return Digests.sha256Hex(token);
    }

    /** Whether text can be a token at all; anything else is unknown without asking the database. */
    static boolean wellFormed(String text) {
        return text != null && text.length() == 24 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }
}
