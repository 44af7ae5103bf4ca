package id.satupintu.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Identity's settings and their defaults, under {@code satupintu.}: the one place a default is written.
 * Each property can be set from the environment in its upper-case form ({@code satupintu.login.lock-minutes}
 * is {@code SATUPINTU_LOGIN_LOCK_MINUTES}). The token issuer is MicroProfile JWT's own
 * {@code mp.jwt.verify.issuer} (set from {@code SATUPINTU_JWT_ISSUER} in application.properties).
 */
@ConfigMapping(prefix = "satupintu")
public interface IdentityConfig {

    Jwt jwt();

    Admin admin();

    Password password();

    Login login();

    Registration registration();

    Clients clients();

    interface Jwt {
        @WithDefault("15")
        long accessTokenMinutes();

        @WithDefault("30")
        int refreshTokenDays();

        /** PEM (PKCS#8) of the RS256 key that signs access tokens; from a Kubernetes Secret in production. */
        Optional<String> privateKey();

        /** PEM (X.509) of its public key. */
        Optional<String> publicKey();

        /** Without a key pair, make one at start (dev and test only: tokens die with the process). */
        @WithDefault("false")
        boolean generateKeys();
    }

    /** The first administrator, created on an empty database. */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    interface Password {
        /** Cost of new hashes, at least 1000; a stored hash records its own, so a change affects only new ones. */
        @WithDefault("600000")
        int pbkdf2Iterations();

        /** Hashes waiting for a worker before sign-ins are refused with 503 and Retry-After. */
        @WithDefault("64")
        int maxWaiting();
    }

    /**
     * Sign-in throttling, per account whichever identifier names it (a citizen's NIK, shared by every
     * account claiming it; a member of staff's account; a client_id), and per submitted name when there is
     * no such account: from the second failure each failed answer waits delay-base-ms, doubling up to
     * delay-max-ms; max-failures within failure-window-minutes lock it for lock-minutes (429 account-locked
     * with Retry-After).
     */
    interface Login {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15")
        long failureWindowMinutes();

        @WithDefault("15")
        long lockMinutes();

        @WithDefault("250")
        long delayBaseMs();

        @WithDefault("4000")
        long delayMaxMs();
    }

    interface Registration {
        RateLimit rateLimit();

        /**
         * Citizen sign-ups per client address and window (429 registration-rate-limited with Retry-After
         * beyond it, counted in PostgreSQL so every replica shares the count). Behind carrier-grade NAT many
         * phones share an address: raise per-address where that bites.
         */
        interface RateLimit {
            @WithDefault("5")
            int perAddress();

            @WithDefault("60")
            int windowMinutes();
        }
    }

    /**
     * API clients: calls per rate window unless an administrator sets a client's own limit (429 with
     * Retry-After beyond it, counted in PostgreSQL so every replica shares the count), and the audit log of
     * their calls, written in batches off the request path.
     */
    interface Clients {
        @WithDefault("600")
        int rateLimit();

        @WithDefault("60")
        int rateWindowSeconds();

        /** How often queued audit entries are written; read by the scheduler ({@code ClientCallLog#flush}). */
        @WithDefault("1s")
        String auditFlushEvery();

        /** Entries older than this many days are dropped, checked every audit-prune-every. */
        @WithDefault("180")
        int auditRetentionDays();

        /** Read by the scheduler ({@code ClientCallLog#prune}). */
        @WithDefault("1h")
        String auditPruneEvery();

        /** The in-memory queue's bound: beyond it entries are dropped and the count logged. */
        @WithDefault("100000")
        int auditQueueMax();

        /**
         * How often each instance closes the GraphQL sockets of clients revoked since they connected; read
         * by the scheduler ({@code ClientSockets#closeRevoked}).
         */
        @WithDefault("3s")
        String socketCheckEvery();
    }
}
