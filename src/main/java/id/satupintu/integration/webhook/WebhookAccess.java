package id.satupintu.integration.webhook;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a client may hear an event now: asked right before every send, of the client as it is at
 * that moment, not as it was when it subscribed. The questions are the ones its HTTP calls answer,
 * with the same code: the client must still be active (ClientCallGate refuses a revoked client's
 * calls), hold the event family's read scope ({@link Caller#hasScope}, as {@link Scopes#require}),
 * and its binding must take in the event's agency and site ({@link Caller#bindingCovers}).
 */
final class WebhookAccess {

    static final String CLIENT_REVOKED = "client-revoked";
    static final String SCOPE_MISSING = "scope-missing";
    static final String OUTSIDE_BINDING = "outside-binding";

    /**
     * The subscription's client as stored now; {@code caller} is what its token would say if it
     * signed in at this moment. Not active when revoked, or when the client no longer exists.
     */
    record Reader(boolean active, Caller caller) {

        static Reader of(UUID id, String name, Boolean active, String kind, String scopes, String agencyCode,
                         String siteCode) {
            return new Reader(Boolean.TRUE.equals(active), new Caller(id.toString(), name,
                    kind == null ? Set.of() : Set.of(kind), agencyCode, siteCode, true, Scopes.split(scopes)));
        }
    }

    private WebhookAccess() {
    }

    /** The scope a client needs to hear events of this type ({@code application.approve}: applications:read). */
    static String readScope(String type) {
        return WebhookSubscriptions.FAMILY_SCOPES.get(WebhookSubscriptions.family(type));
    }

    /** Null when the reader may hear the event now; otherwise why not, one of the constants above. */
    static String refusal(Reader reader, String type, JsonObject payload) {
        if (!reader.active()) {
            return CLIENT_REVOKED;
        }
        String scope = readScope(type);
        if (scope == null || !reader.caller().hasScope(scope)) {
            return SCOPE_MISSING;
        }
        if (!reader.caller().bindingCovers(text(payload, "agencyCode"), text(payload, "siteCode"))) {
            return OUTSIDE_BINDING;
        }
        return null;
    }

    /** A payload field as text, like SQL's {@code payload ->> field} in the fan-out. */
    private static String text(JsonObject payload, String field) {
        Object value = payload.getValue(field);
        return value == null ? null : value.toString();
    }
}
