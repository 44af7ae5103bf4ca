package id.satupintu.integration.webhook;

import id.satupintu.integration.SignedDelivery;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a delivery is signed, chosen per subscription ({@link #SCHEMES}); both are HMAC-SHA256 and both
 * carry one signature per valid secret during a rotation's grace period, so a receiver accepts the
 * message if any of them matches.
 * <ul>
 * <li>{@code satupintu}: the {@code SatuPintu-Signature} header {@code t=<unix seconds>,v1=<hex>}, keyed
 * by the secret's UTF-8 text ({@code whsec_...} included), over {@code t + "." + body}.</li>
 * <li>{@code standard-webhooks}: the Standard Webhooks specification 1.0.0, so that receivers can use
 * its ready libraries: {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature:
 * v1,<base64> v1,<base64>} (space-separated), keyed by the base64-decoded secret after {@code whsec_},
 * over {@code id + "." + timestamp + "." + body}.</li>
 * </ul>
 */
final class WebhookSignature {

    public static final String HEADER = SignedDelivery.HEADER;
    static final String SATUPINTU = "satupintu";
    static final String STANDARD = "standard-webhooks";
    static final List<String> SCHEMES = List.of(SATUPINTU, STANDARD);
    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The signature headers of one send under the scheme; {@code id} is the event's id, the same on every retry. */
    static Map<String, String> headers(String scheme, String id, long timestamp, byte[] body, List<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (STANDARD.equals(scheme)) {
            StringBuilder signatures = new StringBuilder();
            for (String secret : secrets) {
                byte[] key = standardKey(secret);
                // A secret from before standard secrets (base64url) cannot be used by a receiver's
                // library: not signed with, rather than signed unverifiably.
                if (key != null) {
                    signatures.append(signatures.isEmpty() ? "" : " ").append("v1,")
                            .append(Base64.getEncoder().encodeToString(SignedDelivery.hmac(key, id + "." + timestamp + ".", body)));
                }
            }
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", signatures.toString());
        } else {
            headers.put(HEADER, header(timestamp, body, secrets));
        }
        return headers;
    }

    public static String header(long timestamp, byte[] body, List<String> secrets) {
        return SignedDelivery.header(timestamp, body, secrets);
    }

    static String sign(String secret, long timestamp, byte[] body) {
        return SignedDelivery.sign(secret, timestamp, body);
    }

    /** The key a Standard Webhooks receiver derives from the secret: base64 after whsec_; null when it is not that. */
    static byte[] standardKey(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException notStandardBase64) {
            return null;
        }
    }
}
