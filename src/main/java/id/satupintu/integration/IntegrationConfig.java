package id.satupintu.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Integrations' settings and their defaults, under {@code satupintu.}: the one place a default is
 * written. Each property can be set from the environment in its upper-case form
 * ({@code satupintu.webhooks.allowed-hosts} is {@code SATUPINTU_WEBHOOKS_ALLOWED_HOSTS}).
 */
@ConfigMapping(prefix = "satupintu")
public interface IntegrationConfig {

    Webhooks webhooks();

    Oss oss();

    /**
     * OSS RBA's own authentication of receiveNIB (integration documents 4.3.x): the {@code Token} header
     * is SHA1(username + password + NIB + date as yyyyMMdd). The operator agrees username and password with
     * OSS and names the API client OSS acts as (its scopes and binding apply, and revoking it shuts the
     * door). Without all three the Token header is refused; client credentials (a bearer token) always work.
     */
    interface Oss {
        Optional<String> tokenUsername();

        Optional<String> tokenPassword();

        /** The client_id of the API client a Token-authenticated message acts as. */
        Optional<String> tokenClient();

        /** The date in the Token is OSS's (WIB); this many minutes either side of midnight both dates count. */
        @WithDefault("5")
        int tokenDateSlackMinutes();
    }

    /**
     * Deliveries from the events table, signed, retried with exponential backoff and jitter (retry-base-ms
     * doubling up to retry-max-ms) up to max-attempts, then dead letters. Targets must be https and not
     * internal addresses, except hosts on allowed-hosts.
     */
    interface Webhooks {
        /** false: this replica sends nothing (deliveries wait for one that does). */
        @WithDefault("true")
        boolean enabled();

        /** Sends in flight at once on this replica. */
        @WithDefault("32")
        int concurrency();

        @WithDefault("10")
        int maxAttempts();

        /** First retry after about this long, doubling each time up to retry-max-ms; jitter takes up to half off. */
        @WithDefault("10000")
        long retryBaseMs();

        @WithDefault("3600000")
        long retryMaxMs();

        @WithDefault("10000")
        int timeoutMs();

        /** How often due deliveries and retries are swept; read by the scheduler ({@code WebhookDispatcher}). */
        @WithDefault("5s")
        String sweepEvery();

        /** How long a rotated-out secret still signs. */
        @WithDefault("24")
        int secretGraceHours();

        /** Delivered and skipped deliveries are deleted after this many days. */
        @WithDefault("7")
        int keepDeliveredDays();

        /** Hosts (exactly the URL's host) webhooks may reach although internal or plain http. */
        Optional<List<String>> allowedHosts();

        /** Plain http to public hosts (development only). */
        @WithDefault("false")
        boolean allowHttp();
    }
}
