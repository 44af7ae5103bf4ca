package id.satupintu.survey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The survey's settings and their defaults, under {@code satupintu.}: the one place a default is written.
 * Each property can be set from the environment in its upper-case form
 * ({@code satupintu.survey.token-key} is {@code SATUPINTU_SURVEY_TOKEN_KEY}).
 */
@ConfigMapping(prefix = "satupintu")
public interface SurveyConfig {

    Survey survey();

    interface Survey {
        /**
         * Base64 of at least 32 random bytes: the HMAC key survey tokens are derived from. Required: without it
         * the service does not start (a key made at start would change tokens already printed on slips with
         * every restart, and differ between replicas). Dev and test set one; production takes it from the Secret.
         */
        Optional<String> tokenKey();

        /** The page a survey link opens; the token is appended. */
        @WithDefault("/survei/")
        String pageUrl();

        /** Days after the service ended during which its survey may be answered. */
        @WithDefault("30")
        int expiresAfterDays();

        /** The longest suggestion accepted, in characters. */
        @WithDefault("2000")
        int suggestionMaxLength();

        /**
         * Minutes after a counter finished a ticket during which its counter tablet offers that ticket's survey
         * (the citizen is still at the counter); afterwards the tablet waits for the next finished ticket.
         */
        @WithDefault("15")
        int counterTabletMinutes();

        RateLimit rateLimit();
    }

    /**
     * Answers per client address and window from callers that are not API clients (a phone that scanned the QR
     * code). Device clients (kiosks, counter tablets) are limited at the usual client rate instead.
     */
    interface RateLimit {
        @WithDefault("20")
        int perAddress();

        @WithDefault("10")
        int windowMinutes();
    }
}
