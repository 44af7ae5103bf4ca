package id.satupintu.integration.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.satupintu.platform.security.Caller;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as its owner sees it. {@code secret} is present only in the answer that created
 * or rotated it: the service never shows it again. {@code agencyCode} and {@code siteCode} are the
 * owner's binding now (its token is of the current settings), which decides what it hears.
 * {@code disabledAt} and {@code disabledReason} ({@code receiver-gone}) say that the receiver answered
 * 410 Gone and the subscription was made inactive; enabling it again clears them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSubscriptionView(UUID id, String url, List<String> eventTypes, boolean active, String format,
                                      String signatureScheme, OffsetDateTime disabledAt, String disabledReason,
                                      String agencyCode, String siteCode, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                      String secret, OffsetDateTime previousSecretExpiresAt) {

    static WebhookSubscriptionView of(WebhookSubscription s, Caller owner, String secret) {
        return new WebhookSubscriptionView(s.id, s.url, s.eventTypes, s.active, s.format, s.signatureScheme,
                s.disabledAt, s.disabledReason, owner.agencyCode(), owner.siteCode(), s.createdAt, s.updatedAt, secret,
                s.previousSecretExpiresAt);
    }
}
