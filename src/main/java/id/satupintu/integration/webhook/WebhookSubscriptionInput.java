package id.satupintu.integration.webhook;

import java.util.List;

/**
 * What a client sends to create or replace a subscription.
 *
 * @param url        where events are POSTed; https, and not an internal address
 * @param eventTypes exact types ({@code application.approve}) or a family ({@code application.*})
 * @param active     false pauses deliveries (they wait, and resume in order); default true
 * @param format     {@code satupintu} (our envelope, the default) or {@code oss-izinstatus} (OSS's
 *                   license-status message, for application events of permits OSS pushed in)
 * @param signatureScheme {@code satupintu} (the SatuPintu-Signature header, the default) or
 *                   {@code standard-webhooks} (the Standard Webhooks headers); see {@link WebhookSignature}
 */
public record WebhookSubscriptionInput(String url, List<String> eventTypes, Boolean active, String format,
                                       String signatureScheme) {
}
