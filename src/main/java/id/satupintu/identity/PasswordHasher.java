package id.satupintu.identity;

import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow password hashing with PBKDF2-HMAC-SHA256 from the JDK. A stored hash reads
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so raising the cost later leaves old hashes
 * verifiable. The work takes tens of milliseconds of CPU, so the reactive methods run it on a
 * Vert.x worker; Vert.x hands the result back on the caller's context (the same event loop), which
 * keeps a Hibernate Reactive session opened before the call usable after it.
 */
// Built at start: its constructor computes the decoy hash, which must not run on an event loop.
@Startup
@ApplicationScoped
public class PasswordHasher {

    static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final int iterations;
    /**
     * Hashing has a pool of its own, one thread per core: a flood of sign-ins or sign-ups then
     * queues here instead of taking every worker thread, and past {@code maxWaiting} it is refused
     * with 503 and Retry-After rather than growing a queue nobody will live to see served.
     */
    private final WorkerExecutor workers;
    private final int maxWaiting;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Verified against when the account does not exist, so unknown names cost the same time. */
    private final String decoy;

    @Inject
    public PasswordHasher(Vertx vertx, IdentityConfig config) {
        this(vertx, config.password().pbkdf2Iterations(), config.password().maxWaiting());
    }

    public PasswordHasher(Vertx vertx, int iterations, int maxWaiting) {
        if (iterations < 1000) {
            throw new IllegalStateException("satupintu.password.pbkdf2-iterations must be at least 1000");
        }
        this.vertx = vertx;
        this.iterations = iterations;
        this.maxWaiting = maxWaiting;
        this.workers = vertx.createSharedWorkerExecutor("password-hashing",
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.decoy = hashNow("decoy-" + RANDOM.nextLong());
    }

    public Uni<String> hash(String password) {
        return bounded(() -> hashNow(password));
    }

    /** True when password matches stored; a null stored hash is checked against a decoy and fails. */
    public Uni<Boolean> verify(String password, String stored) {
        return bounded(() -> verifyNow(password, stored));
    }

    private <T> Uni<T> bounded(java.util.concurrent.Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > maxWaiting) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(new ProblemException(503, "busy").header("Retry-After", "5"));
            }
            return workers.executeBlocking(work, false).onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    /** For start-up code on the main thread only; request paths use {@link #hash}. */
    public String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    boolean verifyNow(String password, String stored) {
        if (stored == null) {
            verifyNow(password, decoy);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
