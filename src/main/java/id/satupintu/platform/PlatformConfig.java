package id.satupintu.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The platform's settings and their defaults, under {@code satupintu.}: the one place a default is
 * written (application.properties holds only what differs per profile or comes from an operator's
 * variable). Each property can be set from the environment in its upper-case form
 * ({@code satupintu.sse.heartbeat-seconds} is {@code SATUPINTU_SSE_HEARTBEAT_SECONDS}).
 */
@ConfigMapping(prefix = "satupintu")
public interface PlatformConfig {

    /** Loads the demo office (sites, agencies, services, accounts) at start; never in production. */
    @WithDefault("false")
    boolean demoData();

    Http http();

    Documents documents();

    Sse sse();

    Events events();

    Graphql graphql();

    Idempotency idempotency();

    Pii pii();

    Database database();

    Partitions partitions();

    /** The monthly partitions of the append-only logs (V54, {@code platform/persistence/MonthlyPartitions}). */
    interface Partitions {
        /** How often each replica makes the coming months' partitions; read by the scheduler. */
        @WithDefault("6h")
        String ensureEvery();
    }

    /**
     * How the service behaves when PostgreSQL is away: requests are refused fast with a 503 instead of
     * waiting on connections that do not come ({@code platform/error/DatabaseOutage},
     * {@code platform/persistence/BoundedPool}).
     */
    interface Database {
        /** The Retry-After of the 503 {@code database-unavailable} answer, in seconds. */
        @WithDefault("5")
        int retryAfterSeconds();

        /** How long opening a connection to PostgreSQL may take, pool and event listener alike. */
        @WithDefault("2000")
        int connectTimeoutMs();

        /** How long a request may wait for a pooled connection before it is refused. */
        @WithDefault("3000")
        int acquireTimeoutMs();

        /** How many requests may wait for a pooled connection at once; more are refused at once. */
        @WithDefault("200")
        int maxWaitQueueSize();

        /**
         * PostgreSQL's {@code statement_timeout} for the pool's connections, in milliseconds, sent when each
         * connects; 0 sends none. Below {@code satupintu.http.request-timeout-ms}, so that the database
         * cancels the statement (and its transaction rolls back) before the edge gives up on the request.
         * Through PgBouncer, which refuses such a startup parameter, it is 0 and the Pooler's
         * {@code query_timeout} takes its place (k8s/overlays/prod).
         */
        @WithDefault("25000")
        int statementTimeoutMs();
    }

    interface Http {
        /**
         * Largest JSON request (forms, GraphQL): JSON requests are small, only file uploads need the
         * platform's {@code quarkus.http.limits.max-body-size}.
         */
        @WithDefault("1M")
        MemorySize maxJsonBodySize();

        /**
         * How long a request may take before the edge answers it 503 {@code request-timed-out} itself
         * (platform/web/RequestDeadline), in milliseconds. Live streams (SSE, WebSocket) have none.
         */
        @WithDefault("30000")
        int requestTimeoutMs();
    }

    interface Documents {
        /**
         * Largest uploaded file (an application's document, a complaint's attachment), 413 beyond; kept under
         * {@code quarkus.http.limits.max-body-size} so that the service, not the platform, answers.
         */
        @WithDefault("10485760")
        long maxBytes();
    }

    interface Events {
        /**
         * Where the LISTEN connection of the event fan-out goes; empty means the reactive pool's own
         * URL. Set it to the primary itself when the pool goes through a transaction-mode pooler
         * (PgBouncer): such a pooler hands the connection to others between statements, and a
         * LISTEN held there hears nothing.
         */
        Optional<String> listenUrl();
    }

    interface Sse {
        /** Heartbeat on SSE streams, so that proxies do not close quiet ones. */
        @WithDefault("20")
        int heartbeatSeconds();

        /**
         * Live streams (SSE and GraphQL subscriptions) this replica holds at most; one more is refused
         * with 503 {@code too-many-streams} and Retry-After, so idle followers cannot exhaust memory.
         */
        @WithDefault("20000")
        int maxStreams();

        /**
         * Live events one follower may have waiting (a slow reader); past it the stream ends after
         * what is waiting, and the follower resumes with Last-Event-ID from the event table.
         */
        @WithDefault("1000")
        int maxBacklog();

        /** The reconnect delay (SSE {@code retry:}) sent when a stream ends because this replica stops. */
        @WithDefault("1000")
        int retryMillis();
    }

    interface Graphql {
        /**
         * Schema introspection ({@code __schema}, {@code __type}); the packaged service (prod) turns it
         * off, since the public port should not hand anyone a map of the whole API.
         */
        @WithDefault("true")
        boolean introspection();

        /** How deep an operation's fields may nest. */
        @WithDefault("10")
        int maxDepth();

        /** How many fields an operation may name, aliases counted apart (each root field is a resolver call). */
        @WithDefault("500")
        int maxFields();

        /**
         * What an operation may cost: a field 1 plus what it selects, the items of a page that once per
         * item {@code first} asks for (the largest default without it).
         */
        @WithDefault("10000")
        int maxCost();

        /** How deep a variable's objects and lists may nest. */
        @WithDefault("16")
        int maxVariableDepth();

        /** How many values (objects, lists and scalars) an operation's variables may hold in all. */
        @WithDefault("25000")
        int maxVariableValues();
    }

    interface Idempotency {
        /** How long an {@code Idempotency-Key} is remembered. */
        @WithDefault("24")
        int retentionHours();
    }

    /** Keys protecting personal data; production must set both (the service refuses to start without). */
    interface Pii {
        /** Base64 of 32 random bytes: the AES-256-GCM key new values are encrypted with. */
        Optional<String> encryptionKey();

        /** Base64 of 32 random bytes: the HMAC key of the blind index. */
        Optional<String> indexKey();

        /** The version new values are encrypted under; retired keys still decrypt older ones. */
        @WithDefault("1")
        int encryptionKeyVersion();

        /** {@code <version>:<base64 key>} entries of keys rotated out. */
        Optional<List<String>> retiredEncryptionKeys();
    }
}
