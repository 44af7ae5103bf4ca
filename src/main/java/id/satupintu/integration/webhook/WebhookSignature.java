package id.satupintu.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SatuPintu-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC key is the subscription's secret (its UTF-8 text, {@code whsec_...} included) and the signed
 * text is {@code t + "." + body}. During a secret's grace period after a rotation there is one
 * {@code v1} per valid secret; a receiver accepts the message if any of them matches. The timestamp
 * lets receivers refuse replays of old messages.
 */
final class WebhookSignature {

    public static final String HEADER = "SatuPintu-Signature";

    private WebhookSignature() {
    }

    public static String header(long timestamp, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
