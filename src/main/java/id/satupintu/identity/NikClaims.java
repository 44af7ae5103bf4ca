package id.satupintu.identity;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Turning a NIK claim into a verified NIK, and settling a NIK two accounts claim. The rule of both:
 * one account holds a NIK verified, and when one is verified the other claims are rejected and their
 * accounts told. Counter staff (counter staff, officers and supervisors of a site) confirm an account
 * whose NIK they read off the KTP in front of them; they cannot overrule a claim already verified,
 * which takes a supervisor's or an administrator's settlement. Each change locks every claim to the
 * NIK first, so two desks acting at once take turns.
 */
@ApplicationScoped
class NikClaims {

    private static final String CLAIMS = """
            select id, username, full_name, phone_encrypted, nik_state, nik_verification_method, nik_verified_at,
              nik_verified_site, created_at
            from identity_user where nik_index = $1 and role = 'citizen' order by created_at desc, id""";
    private static final int MAX_NOTE = 500;

    @Inject
    Pool pool;
    @Inject
    PersonalDataProtection protection;
    @Inject
    AccountNotices notices;

    /** The accounts claiming this NIK, newest first: for counter staff and those who settle. */
    Uni<List<NikClaim>> lookup(Caller caller, NikInput input) {
        if (!confirmsAtCounter(caller) && !settles(caller)) {
            throw ProblemException.forbidden();
        }
        String nik = checked(input == null ? null : input.nik());
        return claims(pool, nik);
    }

    /**
     * Confirms the account's NIK, seen on the KTP: 409 nik-does-not-match when the KTP shows another
     * NIK, nik-claim-rejected when the account's claim lost already, nik-verified-elsewhere when another
     * account holds it verified. Confirming again changes nothing.
     */
    Uni<NikClaim> confirm(Caller caller, NikConfirmation input) {
        if (!confirmsAtCounter(caller)) {
            throw ProblemException.forbidden();
        }
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        String accountId = input.accountId();
        UUID account = accountId(accountId, "accountId");
        String nik = checked(input.nik());
        String nikIndex = protection.blindIndex("nik", nik);
        return pool.withTransaction(conn -> conn
                .preparedQuery("select nik_index from identity_user where id = $1 and role = 'citizen'")
                .execute(Tuple.of(account))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("account", accountId);
                    }
                    if (!nikIndex.equals(rows.iterator().next().getString("nik_index"))) {
                        throw ProblemException.conflict("nik-does-not-match");
                    }
                    return locked(conn, nikIndex);
                })
                .chain(states -> {
                    NikState own = states.stream().filter(s -> s.id().equals(account)).findFirst().orElseThrow().state();
                    if (own == NikState.VERIFIED) {
                        return Uni.createFrom().voidItem();
                    }
                    if (own == NikState.REJECTED) {
                        throw ProblemException.conflict("nik-claim-rejected");
                    }
                    if (states.stream().anyMatch(s -> s.state() == NikState.VERIFIED)) {
                        throw ProblemException.conflict("nik-verified-elsewhere");
                    }
                    return keep(conn, nikIndex, account, caller, "counter", null);
                })
                .chain(() -> claims(conn, nik)))
                .map(found -> found.stream().filter(c -> c.accountId().equals(account.toString())).findFirst()
                        .orElseThrow());
    }

    /**
     * A supervisor's (or an administrator's) decision on a NIK: the account kept is verified and every
     * other claim rejected and told, a verified one included. 409 nik-not-claimed when the account
     * kept does not claim this NIK.
     */
    Uni<List<NikClaim>> settle(Caller caller, NikSettlement input) {
        if (!settles(caller)) {
            throw ProblemException.forbidden();
        }
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        String nik = checked(input.nik());
        UUID kept = accountId(input.keepAccountId(), "keepAccountId");
        if (input.note() != null && input.note().length() > MAX_NOTE) {
            throw ProblemException.validation("note", "size", 0, MAX_NOTE);
        }
        String nikIndex = protection.blindIndex("nik", nik);
        return pool.withTransaction(conn -> locked(conn, nikIndex)
                .chain(states -> {
                    if (states.stream().noneMatch(s -> s.id().equals(kept))) {
                        throw ProblemException.conflict("nik-not-claimed");
                    }
                    return keep(conn, nikIndex, kept, caller, "settlement", input.note());
                })
                .chain(() -> claims(conn, nik)));
    }

    /** A Dukcapil MATCH: verifies the claim unless another account holds the NIK verified; null when it does. */
    Uni<NikVerification> verifiedByDukcapil(UUID account) {
        return pool.preparedQuery("""
                        update identity_user u set nik_state = 'VERIFIED', nik_verification_method = 'dukcapil',
                          nik_verified_at = now()
                        where id = $1 and nik_state = 'UNVERIFIED' and not exists (select 1 from identity_user o
                          where o.nik_index = u.nik_index and o.nik_state = 'VERIFIED')
                        returning nik_verified_at""")
                .execute(Tuple.of(account))
                .map(rows -> rows.size() == 0 ? null : new NikVerification(NikState.VERIFIED, "dukcapil",
                        rows.iterator().next().getOffsetDateTime("nik_verified_at"), null))
                // Another account's claim was verified at the same moment: this one stays a claim.
                .onFailure().recoverWithNull();
    }

    /** Rejects and tells every other live claim, then verifies the one kept (left as it is when verified already). */
    private Uni<Void> keep(SqlConnection conn, String nikIndex, UUID kept, Caller caller, String method, String note) {
        UUID actor = caller.uuid().orElse(null);
        return conn.preparedQuery("""
                        update identity_user set nik_state = 'REJECTED', nik_rejected_at = now(), nik_rejected_by = $3,
                          nik_note = $4
                        where nik_index = $1 and id <> $2 and nik_state <> 'REJECTED' returning id""")
                .execute(Tuple.of(nikIndex, kept, actor, note))
                .chain(rows -> notices.tell(conn, StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> row.getUUID("id")).toList(), AccountNotices.NIK_CLAIM_REJECTED))
                .chain(() -> conn.preparedQuery("""
                                update identity_user set nik_state = 'VERIFIED', nik_verification_method = $2,
                                  nik_verified_at = now(), nik_verified_by = $3, nik_verified_site = $4,
                                  nik_note = coalesce($5, nik_note)
                                where id = $1 and nik_state <> 'VERIFIED'""")
                        .execute(Tuple.from(new Object[] {kept, method, actor, caller.siteCode(), note})))
                .replaceWithVoid();
    }

    private record State(UUID id, NikState state) {
    }

    /** Every claim to the NIK, locked for the rest of the transaction. */
    private static Uni<List<State>> locked(SqlConnection conn, String nikIndex) {
        return conn.preparedQuery("select id, nik_state from identity_user where nik_index = $1 and role = 'citizen' "
                        + "order by id for update")
                .execute(Tuple.of(nikIndex))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new State(row.getUUID("id"), NikState.valueOf(row.getString("nik_state"))))
                        .toList());
    }

    private Uni<List<NikClaim>> claims(SqlClient client, String nik) {
        return client.preparedQuery(CLAIMS).execute(Tuple.of(protection.blindIndex("nik", nik)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> view(row, nik)).toList());
    }

    private NikClaim view(Row row, String nik) {
        NikState state = NikState.valueOf(row.getString("nik_state"));
        boolean verified = state == NikState.VERIFIED;
        String phone = row.getString("phone_encrypted");
        return new NikClaim(row.getUUID("id").toString(), row.getString("username"), row.getString("full_name"),
                PersonalDataProtection.maskNik(nik),
                phone == null ? null : PersonalDataProtection.maskPhone(protection.decrypt(phone)), state,
                verified ? row.getString("nik_verification_method") : null,
                verified ? row.getOffsetDateTime("nik_verified_at") : null,
                verified ? row.getString("nik_verified_site") : null, row.getOffsetDateTime("created_at"));
    }

    /** Counter staff, officers and supervisors working at a site: where a KTP can be seen. */
    static boolean confirmsAtCounter(Caller caller) {
        return !caller.client() && caller.siteCode() != null
                && caller.hasAnyRole(Roles.COUNTER_STAFF, Roles.OFFICER, Roles.SUPERVISOR);
    }

    static boolean settles(Caller caller) {
        return !caller.client() && caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN);
    }

    private static String checked(String nik) {
        String trimmed = nik == null ? null : nik.trim();
        if (trimmed == null || trimmed.isEmpty()) {
            throw ProblemException.validation("nik", "required");
        }
        Nik.problem(trimmed).ifPresent(code -> {
            throw ProblemException.validation(List.of(FieldError.of("nik", code)));
        });
        return trimmed;
    }

    private static UUID accountId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw ProblemException.validation(field, "required");
        }
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.validation(field, "invalid-format");
        }
    }
}
