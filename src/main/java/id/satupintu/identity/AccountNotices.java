package id.satupintu.identity;

import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * What accounts are told about their NIK, kept per account and shown in its own {@code /me}: the one
 * channel that reaches the account's holder and nobody else (no SMS gateway is assumed). Texts are
 * {@code notice.<code>.title} and {@code .detail} in the identity messages.
 */
@ApplicationScoped
class AccountNotices {

    /** Told to the earlier claimants when another account signs up with their NIK. */
    static final String NIK_CLAIMED_AGAIN = "nik-claimed-again";
    /** Told to an account whose claim lost: another account holds the NIK verified. */
    static final String NIK_CLAIM_REJECTED = "nik-claim-rejected";

    private static final int SHOWN = 20;

    @Inject
    Pool pool;
    @Inject
    Messages messages;

    /** Tells every other account claiming this NIK (but those already rejected), inside the caller's transaction. */
    Uni<Void> tellOtherClaimants(SqlConnection conn, String nikIndex, UUID except, String code) {
        return conn.preparedQuery("""
                        insert into identity_notice (user_id, code)
                        select id, $3 from identity_user where nik_index = $1 and id <> $2 and nik_state <> 'REJECTED'""")
                .execute(Tuple.of(nikIndex, except, code)).replaceWithVoid();
    }

    /** Tells these accounts, inside the caller's transaction. */
    Uni<Void> tell(SqlConnection conn, List<UUID> accounts, String code) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into identity_notice (user_id, code) select unnest($1::uuid[]), $2")
                .execute(Tuple.of(accounts.toArray(UUID[]::new), code)).replaceWithVoid();
    }

    /** The account's latest notices, newest first; null when there are none (so /me leaves the field out). */
    Uni<List<AccountNotice>> of(UUID account, Locale locale) {
        return pool.preparedQuery("select code, created_at from identity_notice where user_id = $1 "
                        + "order by created_at desc, id limit " + SHOWN)
                .execute(Tuple.of(account))
                .map(rows -> {
                    List<AccountNotice> notices = StreamSupport.stream(rows.spliterator(), false)
                            .map(row -> new AccountNotice(row.getString("code"),
                                    messages.get(locale, "notice." + row.getString("code") + ".title"),
                                    messages.get(locale, "notice." + row.getString("code") + ".detail"),
                                    row.getOffsetDateTime("created_at")))
                            .toList();
                    return notices.isEmpty() ? null : notices;
                });
    }
}
