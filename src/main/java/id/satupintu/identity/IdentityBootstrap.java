package id.satupintu.identity;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.startup.AtStart;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Accounts made at start: the first administrator (from SATUPINTU_ADMIN_USERNAME/PASSWORD, only
 * while no administrator exists) and, with demo data on, the demo accounts of demo/accounts.json.
 * Every replica runs this at the same time: the administrator is created under a PostgreSQL
 * advisory lock, and demo rows use insert ... on conflict do nothing, so nothing is duplicated.
 * It runs on the main thread before traffic, where waiting on the pool is allowed.
 */
@ApplicationScoped
public class IdentityBootstrap {

    private static final Logger LOG = Logger.getLogger(IdentityBootstrap.class);

    @RegisterForReflection
    record DemoUser(String username, String password, String role, String fullName, String agencyCode,
                    String siteCode, String nik, String phone, String email) {
    }

    @RegisterForReflection
    record DemoClient(String clientId, String secret, String kind, String name, String scopes, String agencyCode,
                      String siteCode) {
    }

    @RegisterForReflection
    record DemoAccounts(List<DemoUser> users, List<DemoClient> clients) {
    }

    @Inject
    Pool pool;
    @Inject
    PasswordHasher hasher;
    @Inject
    PersonalDataProtection protection;
    @Inject
    ObjectMapper json;

    @Inject
    IdentityConfig config;
    @Inject
    PlatformConfig platform;

    void onStart(@Observes StartupEvent event) {
        createFirstAdministrator();
        if (platform.demoData()) {
            loadDemoAccounts();
        }
    }

    void createFirstAdministrator() {
        IdentityConfig.Admin admin = config.admin();
        if (admin.username().isEmpty() || admin.username().get().isBlank()) {
            return;
        }
        String username = admin.username().get().trim();
        var problems = IdentityService.passwordProblems("password", admin.password().orElse(null), username);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SATUPINTU_ADMIN_PASSWORD must be 10 to 128 characters with letters and "
                    + "digits and must not contain the username (" + problems.get(0).code() + ")");
        }
        if (adminExists()) {
            return;
        }
        String hash = hasher.hashNow(admin.password().get());
        boolean created = AtStart.await(() -> pool.withTransaction(conn -> conn
                        .query("select pg_advisory_xact_lock(hashtext('satupintu.identity.first-admin'))").execute()
                        .chain(() -> conn.preparedQuery("""
                                insert into identity_user (username, password_hash, role, full_name)
                                select $1, $2, 'admin', 'Administrator'
                                where not exists (select 1 from identity_user where role = 'admin')
                                on conflict do nothing returning id""").execute(Tuple.of(username, hash)))
                        .map(rows -> rows.size() > 0)));
        if (created) {
            LOG.infof("Created the first administrator '%s'", username);
        }
    }

    private boolean adminExists() {
        return AtStart.await(() -> pool.query("select 1 from identity_user where role = 'admin' limit 1").execute()
                .map(rows -> rows.size() > 0));
    }

    void loadDemoAccounts() {
        DemoAccounts accounts = read();
        int users = 0;
        int clients = 0;
        for (DemoUser user : accounts.users()) {
            if (exists("select 1 from identity_user where lower(username) = lower($1)", user.username())) {
                continue;
            }
            String nik = user.nik();
            String phone = user.phone() == null ? null : PhoneNumber.normalize(user.phone()).orElseThrow();
            Tuple row = Tuple.from(new Object[] {user.username(), hasher.hashNow(user.password()), user.role(),
                    user.fullName(), user.agencyCode(), user.siteCode(), user.email(),
                    nik == null ? null : protection.encrypt(nik),
                    nik == null ? null : protection.blindIndex("nik", nik),
                    phone == null ? null : protection.encrypt(phone),
                    phone == null ? null : protection.blindIndex("phone", phone)});
            users += AtStart.await(() -> pool.preparedQuery("""
                            insert into identity_user (username, password_hash, role, full_name, agency_code, site_code,
                              email, nik_encrypted, nik_index, phone_encrypted, phone_index)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing""")
                    .execute(row).map(rows -> rows.rowCount()));
        }
        for (DemoClient client : accounts.clients()) {
            if (exists("select 1 from identity_api_client where lower(client_id) = lower($1)", client.clientId())) {
                continue;
            }
            Tuple row = Tuple.from(new Object[] {client.clientId(), client.name(), client.kind(),
                    hasher.hashNow(client.secret()), client.scopes(), client.agencyCode(), client.siteCode()});
            clients += AtStart.await(() -> pool.preparedQuery("""
                            insert into identity_api_client (client_id, name, kind, secret_hash, scopes, agency_code, site_code)
                            values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing""")
                    .execute(row).map(rows -> rows.rowCount()));
        }
        if (users + clients > 0) {
            LOG.infof("Demo identity: created %d users and %d API clients (credentials in demo/accounts.json)",
                    users, clients);
        }
    }

    private boolean exists(String sql, String value) {
        return AtStart.await(() -> pool.preparedQuery(sql).execute(Tuple.of(value)).map(rows -> rows.size() > 0));
    }

    private DemoAccounts read() {
        try (InputStream in = IdentityBootstrap.class.getClassLoader().getResourceAsStream("demo/accounts.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/accounts.json is missing from the build");
            }
            return json.readerFor(DemoAccounts.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
