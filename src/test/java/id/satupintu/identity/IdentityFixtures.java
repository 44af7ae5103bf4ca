package id.satupintu.identity;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import java.util.concurrent.ThreadLocalRandom;

/** Random accounts for identity tests, so they can run again on a database that already has data. */
final class IdentityFixtures {

    static final String PASSWORD = "Rahasia-Uji-2025";

    private IdentityFixtures() {
    }

    static String randomName(String prefix) {
        return prefix + "." + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** A structurally valid NIK from Kota Bandung (3273), random district, birth date and serial. */
    static String randomNik(boolean female) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int day = r.nextInt(1, 29) + (female ? 40 : 0);
        return String.format("3273%02d%02d%02d%02d%04d", r.nextInt(1, 31), day, r.nextInt(1, 13), r.nextInt(0, 100),
                r.nextInt(1, 10000));
    }

    static String randomPhone() {
        return String.format("0812%08d", ThreadLocalRandom.current().nextInt(0, 100_000_000));
    }

    /** A client address of its own (X-Forwarded-For from the trusted local proxy) for per-address limits. */
    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static Map<String, Object> registration(String nik, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", "Warga Uji");
        body.put("nik", nik);
        body.put("phone", phone);
        body.put("password", PASSWORD);
        return body;
    }

    /** Registers a citizen with a username and returns the username. */
    static String registerCitizen() {
        String username = randomName("warga");
        registerCitizen(randomNik(false), username);
        return username;
    }

    /** Registers a citizen with this NIK and username (from an address of its own). */
    static void registerCitizen(String nik, String username) {
        Map<String, Object> body = registration(nik, randomPhone());
        body.put("username", username);
        given().header("X-Forwarded-For", randomAddress()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/register").then().statusCode(201);
    }

    static Response passwordGrant(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", password).post("/api/v1/auth/token");
    }

    static Response clientGrant(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/v1/auth/token");
    }

    static Response refreshGrant(String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/api/v1/auth/token");
    }

    /** A citizen's token for a stored account, without signing in. */
    static String accessTokenOf(String userId) {
        return id.satupintu.support.TestTokens.citizen(userId);
    }

    static String accessToken(String username, String password) {
        return passwordGrant(username, password).then().statusCode(200).extract().path("access_token");
    }

    /** Inserts a member of staff directly: there is no staff sign-up endpoint. */
    static String insertStaff(String role, String agency, String site) {
        String username = randomName(role);
        pool().preparedQuery("insert into identity_user (username, password_hash, role, full_name, agency_code, site_code) "
                        + "values ($1, $2, $3, 'Petugas Uji', $4, $5)")
                .execute(Tuple.of(username, hasher().hashNow(PASSWORD), role, agency, site))
                .await().atMost(Duration.ofSeconds(10));
        return username;
    }

    static String insertClient(String kind, String secret, String scopes, String agency, String site) {
        String clientId = randomName(kind.replace('_', '-'));
        pool().preparedQuery("insert into identity_api_client (client_id, name, kind, secret_hash, scopes, agency_code, "
                        + "site_code) values ($1, 'Klien uji', $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {clientId, kind, hasher().hashNow(secret), scopes, agency, site}))
                .await().atMost(Duration.ofSeconds(10));
        return clientId;
    }

    static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }

    static PasswordHasher hasher() {
        return Arc.container().instance(PasswordHasher.class).get();
    }

    static Map<String, Object> claims(String jwt) {
        return jwtPart(jwt, 1);
    }

    static Map<String, Object> claimsHeader(String jwt) {
        return jwtPart(jwt, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jwtPart(String jwt, int part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[part]);
            return new ObjectMapper().readValue(new String(json, StandardCharsets.UTF_8), Map.class);
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    /** Starts n copies of call at the same moment and returns their HTTP statuses, sorted. */
    static List<Integer> race(int n, IntSupplier call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        var threads = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.getAsInt();
                }, threads));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var c : calls) {
                statuses.add(c.get());
            }
            statuses.sort(null);
            return statuses;
        } finally {
            threads.shutdown();
        }
    }
}
