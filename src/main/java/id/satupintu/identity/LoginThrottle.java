package id.satupintu.identity;

import id.satupintu.platform.jobs.JobRuns;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Brute-force protection for sign-ins. Failures are counted per submitted identifier (a username,
 * a NIK or a client_id), keyed by an HMAC of it, whether or not an account exists: an unknown name
 * is slowed down and locked exactly like a real one, so answers never tell them apart. Each
 * failure answers after a growing delay (a Vert.x timer, so no thread waits); reaching
 * {@code satupintu.login.max-failures} within the window locks the identifier for
 * {@code satupintu.login.lock-minutes}, during which even the right password is refused with
 * 429 {@code account-locked} and {@code Retry-After}. The counts live in PostgreSQL, so every
 * replica sees them, and are changed by single atomic statements. The windows and locks are timed by
 * the database's now(), not the Clock: a rate limit, one clock for every replica.
 */
@ApplicationScoped
class LoginThrottle {

    @Inject
    JobRuns jobs;

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    PersonalDataProtection protection;

    @Inject
    IdentityConfig config;

    /** The throttle key of an identifier of a kind ("user", "client"). */
    public String subject(String kind, String identifier) {
        return protection.blindIndex("login-" + kind, identifier.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Counts an attempt before the secret is checked, in one statement, and fails with 429
     * account-locked when the name is locked or this attempt is beyond the limit. Counting first
     * is what stops a burst of parallel guesses: each one takes a number, and only the first
     * {@code max-failures} are ever checked. A success forgets the count ({@link #succeeded}).
     * Returns this attempt's number within the window.
     */
    public Uni<Integer> attempt(String subject) {
        String sql = """
                insert into identity_login_throttle as t (subject, failures, last_failure_at, locked_until)
                values ($1, 1, now(), case when $2 <= 1 then now() + make_interval(mins => $3) end)
                on conflict (subject) do update set
                  failures = 1 + case when t.last_failure_at < now() - make_interval(mins => $4)
                      or t.locked_until <= now() then 0 else t.failures end,
                  last_failure_at = now(),
                  locked_until = case
                      when t.locked_until > now() then t.locked_until
                      when 1 + case when t.last_failure_at < now() - make_interval(mins => $4)
                          or t.locked_until <= now() then 0 else t.failures end >= $2
                      then now() + make_interval(mins => $3) end
                returning failures, ceil(extract(epoch from locked_until - now()))::bigint as wait
                """;
        IdentityConfig.Login login = config.login();
        return pool.preparedQuery(sql)
                .execute(Tuple.of(subject, login.maxFailures(), (int) login.lockMinutes(),
                        (int) login.failureWindowMinutes()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    int number = row.getInteger("failures");
                    if (number > login.maxFailures()) {
                        throw locked(row.getLong("wait") == null ? login.lockMinutes() * 60 : row.getLong("wait"));
                    }
                    return number;
                });
    }

    /**
     * The answer to a wrong secret on the given attempt: {@code failure} after the delay this count
     * earns, or account-locked when this attempt used the last try.
     */
    public <T> Uni<T> failed(int attempt, ProblemException failure) {
        if (attempt >= config.login().maxFailures()) {
            return Uni.createFrom().failure(locked(Duration.ofMinutes(config.login().lockMinutes()).toSeconds()));
        }
        return pause(delayFor(attempt)).chain(() -> Uni.createFrom().failure(failure));
    }

    /** A successful sign-in forgets earlier failures. */
    public Uni<Void> succeeded(String subject) {
        return pool.preparedQuery("delete from identity_login_throttle where subject = $1")
                .execute(Tuple.of(subject)).replaceWithVoid();
    }

    /** 0 for the first failure, then base, 2 x base, 4 x base ... up to the maximum. */
    long delayFor(int failures) {
        if (failures <= 1) {
            return 0;
        }
        IdentityConfig.Login login = config.login();
        long delay = login.delayBaseMs() << Math.min(failures - 2, 20);
        return Math.min(delay, login.delayMaxMs());
    }

    /** Waits on a Vert.x timer: the continuation runs on the caller's context, never on another thread. */
    private Uni<Void> pause(long millis) {
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }

    static ProblemException locked(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ProblemException(429, "account-locked", Math.max(1, (seconds + 59) / 60))
                .header("Retry-After", Long.toString(seconds));
    }

    /** Old counts carry no information; removing them keeps the table small. Idempotent on every replica. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> forgetOldFailures() {
        return jobs.run("Forgetting old login failures", () -> pool.query(
                "delete from identity_login_throttle where last_failure_at < now() - interval '1 day' "
                        + "and (locked_until is null or locked_until < now())").execute());
    }
}
