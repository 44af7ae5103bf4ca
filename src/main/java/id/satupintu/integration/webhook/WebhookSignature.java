package id.satupintu.integration.webhook;

import id.satupintu.integration.SignedDelivery;
import java.util.List;

/**
 * The {@code SatuPintu-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC key is the subscription's secret (its UTF-8 text, {@code whsec_...} included) and the signed
 * text is {@code t + "." + body}. During a secret's grace period after a rotation there is one
 * {@code v1} per valid secret; a receiver accepts the message if any of them matches. The timestamp
 * lets receivers refuse replays of old messages. The signing is {@link SignedDelivery}'s, which the
 * notification gateway shares.
 */
final class WebhookSignature {

    public static final String HEADER = SignedDelivery.HEADER;

    private WebhookSignature() {
    }

    public static String header(long timestamp, byte[] body, List<String> secrets) {
        return SignedDelivery.header(timestamp, body, secrets);
    }

    static String sign(String secret, long timestamp, byte[] body) {
        return SignedDelivery.sign(secret, timestamp, body);
    }
}
