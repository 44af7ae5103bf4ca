package id.satupintu.identity;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.web.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Citizens' sign-up. Its answer must not tell a stranger whether a NIK already has an account, so a
 * known NIK is answered exactly like a new one: an account is made in both cases, and its NIK is only
 * a claim (UNVERIFIED) until staff see the KTP ({@link NikClaims}). What differs happens where only
 * the NIK's earlier holders see it: each is told in its own {@code /me} that another account claimed
 * their NIK. Sign-ups are limited per client address.
 */
@ApplicationScoped
class CitizenSignUp {

    private static final Logger LOG = Logger.getLogger(CitizenSignUp.class);

    @Inject
    Pool pool;
    @Inject
    PasswordHasher hasher;
    @Inject
    PersonalDataProtection protection;
    @Inject
    RateLimits rateLimits;
    @Inject
    AccountNotices notices;
    @Inject
    NikClaims claims;

    @Inject
    Clock clock;
    @Inject
    Instance<DukcapilVerification> dukcapil;

    @Inject
    IdentityConfig config;

    /**
     * Signs up a citizen from clientAddress: 400 for invalid data, 429 registration-rate-limited past
     * the address's allowance, 409 username-taken for a chosen username another account has (asked
     * before the NIK is looked at, so it says nothing about the NIK).
     */
    Uni<Me> register(RegisterRequest request, String clientAddress) {
        return Uni.createFrom().deferred(() -> {
            List<FieldError> errors = new ArrayList<>();
            String nik = request.nik().trim();
            Nik.problem(nik).ifPresent(code -> errors.add(FieldError.of("nik", code)));
            Optional<String> phone = PhoneNumber.normalize(request.phone());
            if (phone.isEmpty()) {
                errors.add(FieldError.of("phone", "phone-format"));
            }
            errors.addAll(IdentityService.passwordProblems("password", request.password(), nik, phone.orElse(null),
                    request.username()));
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.validation(errors));
            }
            String username = request.username() == null ? null : request.username().trim();
            String fullName = request.fullName().trim();
            String email = blankToNull(request.email());
            String nikIndex = protection.blindIndex("nik", nik);
            IdentityConfig.Registration.RateLimit allowed = config.registration().rateLimit();
            RateLimits.Limit limit = new RateLimits.Limit("registration", allowed.perAddress(),
                    Duration.ofMinutes(allowed.windowMinutes()), "registration-rate-limited");
            return rateLimits.hit(limit, "address:" + (clientAddress == null ? "unknown" : clientAddress), clock.now())
                    .chain(() -> usernameFree(username))
                    .chain(() -> hasher.hash(request.password()))
                    .chain(hash -> pool.withTransaction(conn -> conn.preparedQuery("""
                                    insert into identity_user (username, password_hash, role, full_name, email,
                                      nik_encrypted, nik_index, phone_encrypted, phone_index)
                                    values ($1, $2, 'citizen', $3, $4, $5, $6, $7, $8)
                                    on conflict do nothing returning id""")
                            .execute(Tuple.from(new Object[] {username, hash, fullName, email, protection.encrypt(nik),
                                    nikIndex, protection.encrypt(phone.get()), protection.blindIndex("phone", phone.get())}))
                            // Only the username is unique now: a concurrent sign-up took it.
                            .map(rows -> {
                                if (rows.size() == 0) {
                                    throw ProblemException.conflict("username-taken", username);
                                }
                                return rows.iterator().next().getUUID("id");
                            })
                            .call(id -> notices.tellOtherClaimants(conn, nikIndex, id, AccountNotices.NIK_CLAIMED_AGAIN))))
                    .chain(id -> askDukcapil(id, nik, fullName))
                    .map(verification -> new Me(verification.id().toString(), "user", username, fullName,
                            List.of("citizen"), null, null, null, PersonalDataProtection.maskNik(nik),
                            PersonalDataProtection.maskPhone(phone.get()), email, verification.nik(), null));
        });
    }

    private record Created(UUID id, NikVerification nik) {
    }

    /** With a Dukcapil adapter in the build, a MATCH verifies the new claim; without one it stays unverified. */
    private Uni<Created> askDukcapil(UUID id, String nik, String fullName) {
        Created unverified = new Created(id, new NikVerification(NikState.UNVERIFIED, null, null, null));
        if (!dukcapil.isResolvable()) {
            return Uni.createFrom().item(unverified);
        }
        return dukcapil.get().verify(nik, fullName)
                .chain(verdict -> verdict == DukcapilVerification.Verdict.MATCH
                        ? claims.verifiedByDukcapil(id).map(verified -> verified == null ? unverified
                                : new Created(id, verified))
                        : Uni.createFrom().item(unverified))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Dukcapil verification failed for account %s; its NIK stays unverified", id);
                    return unverified;
                });
    }

    private Uni<Void> usernameFree(String username) {
        if (username == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select 1 from identity_user where lower(username) = lower($1)")
                .execute(Tuple.of(username))
                .map(rows -> {
                    if (rows.size() > 0) {
                        throw ProblemException.conflict("username-taken", username);
                    }
                    return null;
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
