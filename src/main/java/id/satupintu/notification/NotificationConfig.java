package id.satupintu.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Notifications' settings and their defaults, under {@code satupintu.notifications.}: the one place a default is written. */
@ConfigMapping(prefix = "satupintu")
public interface NotificationConfig {

    Notifications notifications();

    /**
     * Outbound sends (e-mail, SMS, WhatsApp), claimed under a lease, retried with exponential backoff and jitter
     * (retry-base-ms doubling up to retry-max-ms) up to max-attempts, then DEAD. E-mail goes through Quarkus
     * Mailer ({@code quarkus.mailer.*}); SMS and WhatsApp through the office's HTTP gateway.
     */
    interface Notifications {
        /** false: this replica sends nothing (sends wait for one that does). */
        @WithDefault("true")
        boolean enabled();

        /** Sends in flight at once on this replica. */
        @WithDefault("16")
        int concurrency();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("10000")
        long retryBaseMs();

        @WithDefault("3600000")
        long retryMaxMs();

        /** Longest wait for the gateway's answer; the lease is three times this. */
        @WithDefault("10000")
        int timeoutMs();

        /** How often due sends and retries are swept; read by the scheduler ({@code NotificationDispatcher}). */
        @WithDefault("5s")
        String sweepEvery();

        /** Quiet hours are kept in this zone when a notification names no site. */
        @WithDefault("Asia/Jakarta")
        String defaultZone();

        /**
         * Prepended to a link that is not absolute (the survey page is {@code /survei/} by default): a text message
         * must carry a whole address. Empty: links go out as they are.
         */
        Optional<String> linkBase();

        /** How often the reminder job (permits expiring, bookings coming) looks for what is due; read by the scheduler. */
        @WithDefault("15m")
        String remindEvery();

        /** Days before a permit's expiry its holder is reminded, once each. */
        @WithDefault("60,14")
        java.util.List<Integer> permitExpiryDays();

        Gateway gateway();
    }

    /**
     * The office's SMS / WhatsApp gateway: one HTTP endpoint taking {@code {channel, to, text, ...}} as JSON,
     * signed with secret as webhooks are ({@code SatuPintu-Signature}). Without a url, SMS and WhatsApp sends
     * fail and end DEAD, so an office sees what it did not configure.
     */
    interface Gateway {
        Optional<String> url();

        Optional<String> secret();
    }
}
