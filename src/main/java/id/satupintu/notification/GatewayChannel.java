package id.satupintu.notification;

import id.satupintu.integration.SignedDelivery;
import id.satupintu.platform.jobs.Clock;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SMS and WhatsApp through the HTTP gateway the office configures: one generic contract for any provider
 * behind it. A POST of {@code {"channel", "to", "text", "template", "sendId"}} as JSON, signed as webhooks are
 * ({@link SignedDelivery}), with {@code SatuPintu-Delivery-Id} and {@code -Attempt} so that a retried send
 * can be recognised. A 2xx answer is sent; anything else is a failure to retry.
 */
@ApplicationScoped
class GatewayChannel {

    /** A send the gateway did not take: its HTTP status, or null when it could not be reached. */
    static final class Refused extends RuntimeException {
        final Integer status;

        Refused(Integer status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    private HttpClient http;

    void start(@Observes StartupEvent startup) {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(config.notifications().timeoutMs())
                .setIdleTimeout(60)
                .setKeepAlive(true));
    }

    /** The gateway's HTTP status on success (2xx). */
    Uni<Integer> send(Channel channel, String to, String text, String template, long sendId, int attempt) {
        var gateway = config.notifications().gateway();
        if (gateway.url().isEmpty() || gateway.secret().isEmpty()) {
            return Uni.createFrom().failure(new Refused(null, "no gateway configured (satupintu.notifications.gateway)"));
        }
        byte[] body = new JsonObject().put("channel", channel.name()).put("to", to).put("text", text)
                .put("template", template).put("sendId", sendId).encode().getBytes(StandardCharsets.UTF_8);
        String signature = SignedDelivery.header(clock.now().getEpochSecond(), body, List.of(gateway.secret().get()));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(gateway.url().get())
                .setFollowRedirects(false)
                .setTimeout(config.notifications().timeoutMs())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "SatuPintu-Notifications/1")
                .putHeader("SatuPintu-Delivery-Id", Long.toString(sendId))
                .putHeader("SatuPintu-Delivery-Attempt", Integer.toString(attempt))
                .putHeader(SignedDelivery.HEADER, signature);
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.end().map(ended -> response.statusCode()))
                .toCompletionStage())
                .onFailure(e -> !(e instanceof Refused)).transform(e -> new Refused(null,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())))
                .map(status -> {
                    if (status < 200 || status >= 300) {
                        throw new Refused(status, "HTTP " + status);
                    }
                    return status;
                });
    }
}
