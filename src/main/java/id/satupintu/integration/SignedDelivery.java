package id.satupintu.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How SatuPintu signs and retries what it POSTs to someone else's server: the webhooks and the notification
 * gateway (SMS, WhatsApp) use these, so a receiver checks both the same way and both back off alike.
 * The {@code SatuPintu-Signature} header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the HMAC key is
 * the secret's UTF-8 text and the signed text is {@code t + "." + body}; one {@code v1} per valid secret (a
 * rotated-out secret signs during its grace period). The timestamp lets a receiver refuse replays.
 */
public final class SignedDelivery {

    public static final String HEADER = "SatuPintu-Signature";

    private SignedDelivery() {
    }

    public static String header(long timestamp, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + ".", body));
    }

    /** HMAC-SHA256 under {@code key} of {@code prefix} (UTF-8) followed by {@code body}: what every scheme signs. */
    public static byte[] hmac(byte[] key, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Milliseconds before the next attempt: base * 2^(attempt-1), capped at max, then a random 50-100% of it
     * (jitter, so that many failed deliveries do not all come back at the same instant).
     */
    public static long backoff(int attempt, long baseMs, long maxMs) {
        double exponential = baseMs * Math.pow(2, Math.min(30, attempt - 1));
        long capped = (long) Math.min(maxMs, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
