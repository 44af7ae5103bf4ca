package id.satupintu.identity;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.security.Digests;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opaque refresh tokens for people, stored as SHA-256 and grouped in families (one family per
 * sign-in). Using a token spends it and issues the next one of its family; a spent token presented
 * again means it was copied, so the whole family is revoked (OAuth 2.0 Security BCP, refresh token
 * rotation). Spending is one conditional UPDATE, so of two concurrent uses exactly one wins; the
 * other is then seen as a reuse and revokes the family, the winner's new token included.
 */
@ApplicationScoped
class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;

    @Inject
    IdentityConfig config;

    /** The outcome of a rotation: the user it belongs to and the token that replaces the spent one. */
    public record Rotation(UUID userId, String token) {
    }

    /** rotation is null when the token could not be used (unknown, expired, revoked or reused). */
    private record Attempt(Rotation rotation) {
    }

    /** Starts a new family for a fresh sign-in. */
    public Uni<String> issue(UUID userId) {
        return pool.withTransaction(conn -> insert(conn, UUID.randomUUID(), userId));
    }

    /**
     * Spends token and returns its successor; fails with invalid-grant for any token that cannot be used.
     * Expiry is the database's now(), as an access token's is the system clock's: security timing, not
     * a business time the Clock decides.
     */
    public Uni<Rotation> rotate(String token) {
        String hash = Digests.sha256Hex(token);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update identity_refresh_token rt set spent_at = now()
                        where token_hash = $1 and spent_at is null and revoked_at is null and expires_at > now()
                          and exists (select 1 from identity_user u where u.id = rt.user_id and u.active)
                        returning family_id, user_id""").execute(Tuple.of(hash))
                .chain(rows -> {
                    if (rows.size() == 1) {
                        var row = rows.iterator().next();
                        UUID userId = row.getUUID("user_id");
                        return insert(conn, row.getUUID("family_id"), userId)
                                .map(next -> new Attempt(new Rotation(userId, next)));
                    }
                    return conn.preparedQuery("""
                                    update identity_refresh_token set revoked_at = now()
                                    where revoked_at is null and family_id = (
                                      select family_id from identity_refresh_token where token_hash = $1 and spent_at is not null)
                                    returning family_id""").execute(Tuple.of(hash))
                            .map(revoked -> {
                                if (revoked.size() > 0) {
                                    LOG.warnf("Spent refresh token reused: family %s revoked",
                                            revoked.iterator().next().getUUID("family_id"));
                                }
                                return new Attempt(null);
                            });
                }))
                // The revocation above commits before the failure is raised, outside the transaction.
                .map(attempt -> {
                    if (attempt.rotation() == null) {
                        throw new ProblemException(400, "invalid-grant");
                    }
                    return attempt.rotation();
                });
    }

    private Uni<String> insert(SqlConnection conn, UUID familyId, UUID userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return conn.preparedQuery("insert into identity_refresh_token (family_id, user_id, token_hash, expires_at) "
                        + "values ($1, $2, $3, now() + make_interval(days => $4))")
                .execute(Tuple.of(familyId, userId, Digests.sha256Hex(token), config.jwt().refreshTokenDays()))
                .replaceWith(token);
    }

    /** Long-expired tokens are useless; removing them is idempotent, so every replica may run it. */
    @Scheduled(every = "6h", delayed = "10m")
    Uni<Void> forgetExpired() {
        return jobs.run("Forgetting expired refresh tokens", () -> pool
                .query("delete from identity_refresh_token where expires_at < now() - interval '7 days'").execute());
    }
}
