package id.satupintu.identity;

import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
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
 * Accounts as the rest of SatuPintu sees them: the caller's own profile, the look-up of a person by
 * id for features that must show or check who someone is, and whether a citizen's NIK is verified
 * (for services whose standard asks for a verified identity).
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

    /**
     * Who a person is, as shown to those who may know it (an agency's staff about an applicant): the name
     * and the NIK masked. The NIK itself never leaves identity this way.
     */
    public record PersonCard(UUID id, String fullName, String nikMasked) {
    }

    @Inject
    Pool pool;
    @Inject
    PersonalDataProtection protection;
    @Inject
    AccountNotices notices;

    /** The person with that id, NIK and phone in clear; empty when there is none. */
    @WithSession
    public Uni<Optional<Person>> person(UUID id) {
        return IdentityUser.<IdentityUser>findById(id).map(user -> Optional.ofNullable(user).map(u -> new Person(
                u.id, u.username, u.fullName, u.role, u.agencyCode, u.siteCode, u.email, decrypt(u.nikEncrypted),
                decrypt(u.phoneEncrypted), u.active)));
    }

    /** The card of the account with that id (not a UUID: none); empty when there is none. */
    @WithSession
    public Uni<Optional<PersonCard>> card(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return IdentityUser.<IdentityUser>findById(uuid).map(user -> Optional.ofNullable(user).map(u -> new PersonCard(
                u.id, u.fullName, PersonalDataProtection.maskNik(decrypt(u.nikEncrypted)))));
    }

    /**
     * The caller's own profile, with where its NIK stands and what it is told (in locale's language);
     * 404 account-not-found when the token's subject is not a stored account.
     */
    @WithSession
    public Uni<Me> me(Caller caller, Locale locale) {
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
                        client.agencyCode, client.siteCode, List.copyOf(caller.scopes()), null, null, null, null, null);
            });
        }
        return IdentityUser.<IdentityUser>findById(id.get()).chain(user -> {
            if (user == null) {
                throw ProblemException.notFound("account", caller.name());
            }
            return notices.of(user.id, locale).map(told -> new Me(user.id.toString(), "user", user.username,
                    user.fullName, List.of(user.role), user.agencyCode, user.siteCode, null,
                    PersonalDataProtection.maskNik(decrypt(user.nikEncrypted)),
                    PersonalDataProtection.maskPhone(decrypt(user.phoneEncrypted)), user.email,
                    NikVerification.of(user), told));
        });
    }

    /**
     * Whether the person's NIK is verified (staff saw the KTP, or a Dukcapil check matched); false for an
     * unknown account, one without a NIK, and a claim that is unverified or rejected.
     */
    private Uni<Boolean> hasVerifiedNik(UUID id) {
        return pool.preparedQuery("select 1 from identity_user where id = $1 and nik_state = 'VERIFIED' and active")
                .execute(Tuple.of(id)).map(rows -> rows.size() > 0);
    }

    /** Passes a caller whose account's NIK is verified; 403 identity-not-verified otherwise. */
    public Uni<Void> requireVerifiedNik(Caller caller) {
        Optional<UUID> id = caller.uuid();
        return (id.isEmpty() ? Uni.createFrom().item(false) : hasVerifiedNik(id.get())).map(verified -> {
            if (!verified) {
                throw new ProblemException(403, "identity-not-verified");
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

    private String decrypt(String stored) {
        return stored == null ? null : protection.decrypt(stored);
    }

}
