package id.satupintu.identity;

import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts as the rest of SatuPintu sees them: sign-up of citizens, the caller's own profile, and
 * the look-up of a person by id for features that must show or check who someone is.
 */
@ApplicationScoped
public class IdentityService {

    static final int MIN_PASSWORD = 10;

    /** A stored person with personal data decrypted; callers decide what to show and mask. */
    public record Person(UUID id, String username, String fullName, String role, String agencyCode, String siteCode,
                         String email, String nik, String phone, boolean active) {

        @Override
        public String toString() {
            return "Person[id=" + id + ", username=" + username + ", role=" + role + ", nik="
                    + PersonalDataProtection.maskNik(nik) + ", phone=" + PersonalDataProtection.maskPhone(phone) + "]";
        }
    }

    @Inject
    Pool pool;
    @Inject
    PasswordHasher hasher;
    @Inject
    PersonalDataProtection protection;

    /** The person with that id, NIK and phone in clear; empty when there is none. */
    @WithSession
    public Uni<Optional<Person>> person(UUID id) {
        return IdentityUser.<IdentityUser>findById(id).map(user -> Optional.ofNullable(user).map(u -> new Person(
                u.id, u.username, u.fullName, u.role, u.agencyCode, u.siteCode, u.email, decrypt(u.nikEncrypted),
                decrypt(u.phoneEncrypted), u.active)));
    }

    /** The caller's own profile; 404 account-not-found when the token's subject is not a stored account. */
    @WithSession
    public Uni<Me> me(Caller caller) {
        Optional<UUID> id = caller.uuid();
        if (id.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.notFound("account", caller.name()));
        }
        if (caller.client()) {
            return ApiClient.<ApiClient>findById(id.get()).map(client -> {
                if (client == null) {
                    throw ProblemException.notFound("account", caller.name());
                }
                return new Me(client.id.toString(), "client", client.clientId, client.name, List.of(client.kind),
                        client.agencyCode, client.siteCode, List.copyOf(caller.scopes()), null, null, null);
            });
        }
        return person(id.get()).map(found -> found.map(IdentityService::profile)
                .orElseThrow(() -> ProblemException.notFound("account", caller.name())));
    }

    /** Signs up a citizen. 409 nik-already-registered when the NIK has an account, even under a race. */
    public Uni<Me> register(RegisterRequest request) {
        return Uni.createFrom().deferred(() -> {
            List<FieldError> errors = new ArrayList<>();
            String nik = request.nik().trim();
            Nik.problem(nik).ifPresent(code -> errors.add(FieldError.of("nik", code)));
            Optional<String> phone = PhoneNumber.normalize(request.phone());
            if (phone.isEmpty()) {
                errors.add(FieldError.of("phone", "phone-format"));
            }
            errors.addAll(passwordProblems("password", request.password(), nik, phone.orElse(null),
                    request.username()));
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.validation(errors));
            }
            String nikIndex = protection.blindIndex("nik", nik);
            String username = request.username() == null ? null : request.username().trim();
            return ensureFree(nikIndex, username)
                    .chain(() -> hasher.hash(request.password()))
                    .chain(hash -> pool.preparedQuery("""
                                    insert into identity_user (username, password_hash, role, full_name, email,
                                      nik_encrypted, nik_index, phone_encrypted, phone_index)
                                    values ($1, $2, 'citizen', $3, $4, $5, $6, $7, $8)
                                    on conflict do nothing returning id""")
                            .execute(Tuple.from(new Object[] {username, hash, request.fullName().trim(),
                                    blankToNull(request.email()), protection.encrypt(nik), nikIndex,
                                    protection.encrypt(phone.get()), protection.blindIndex("phone", phone.get())})))
                    // Lost a race with a concurrent sign-up: say which field collided.
                    .chain(rows -> rows.size() == 0 ? ensureFree(nikIndex, username).replaceWith((UUID) null)
                            .onItem().failWith(() -> ProblemException.conflict("nik-already-registered"))
                            : Uni.createFrom().item(rows.iterator().next().getUUID("id")))
                    .map(id -> profile(new Person(id, username, request.fullName().trim(), Roles.CITIZEN, null, null,
                            blankToNull(request.email()), nik, phone.get(), true)));
        });
    }

    private Uni<Void> ensureFree(String nikIndex, String username) {
        return pool.preparedQuery("select exists (select 1 from identity_user where nik_index = $1) as nik, "
                        + "exists (select 1 from identity_user where lower(username) = lower($2)) as username")
                .execute(Tuple.of(nikIndex, username))
                .map(rows -> {
                    var row = rows.iterator().next();
                    if (row.getBoolean("nik")) {
                        throw ProblemException.conflict("nik-already-registered");
                    }
                    if (row.getBoolean("username")) {
                        throw ProblemException.conflict("username-taken", username);
                    }
                    return null;
                });
    }

    /** The password policy: 10 to 128 characters, letters and digits, none of the person's identifiers. */
    public static List<FieldError> passwordProblems(String field, String password, String... personal) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            errors.add(FieldError.of(field, "size", MIN_PASSWORD, 128));
            return errors;
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            errors.add(FieldError.of(field, "password-weak"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String value : personal) {
            if (value != null && value.length() >= 4 && lower.contains(value.trim().toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.of(field, "password-personal"));
                break;
            }
        }
        return errors;
    }

    private static Me profile(Person p) {
        return new Me(p.id().toString(), "user", p.username(), p.fullName(), List.of(p.role()), p.agencyCode(),
                p.siteCode(), null, PersonalDataProtection.maskNik(p.nik()), PersonalDataProtection.maskPhone(p.phone()),
                p.email());
    }

    private String decrypt(String stored) {
        return stored == null ? null : protection.decrypt(stored);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
