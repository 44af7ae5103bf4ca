package id.satupintu.identity;

import id.satupintu.platform.security.Roles;
import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.clientGrant;
import static id.satupintu.identity.IdentityFixtures.passwordGrant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uses satupintu.login.* of the test profile: 5 failures lock; delays 20, 40, 80 ms. */
@QuarkusTest
class LoginThrottleTest {

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "PDAM-BDG", "MPP-BDG");
        for (int i = 1; i <= 4; i++) {
            passwordGrant(username, "Salah-Sandi-" + i).then().statusCode(400).body("code", equalTo("invalid-grant"));
        }
        passwordGrant(username, "Salah-Sandi-5").then().statusCode(429).body("code", equalTo("account-locked"))
                .header("Retry-After", notNullValue());
        passwordGrant(username, PASSWORD).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("900"))
                .body("code", equalTo("account-locked"));
    }

    @Test
    void theLockBelongsToTheAccountWhateverIdentifierIsUsed() {
        String nik = IdentityFixtures.randomNik(false);
        String username = IdentityFixtures.randomName("warga");
        IdentityFixtures.registerCitizen(nik, username);
        for (int i = 1; i <= 5; i++) {
            passwordGrant(username, "Salah-Sandi-" + i);
        }
        // Locked by its username, the account does not open with its NIK either.
        passwordGrant(nik, PASSWORD).then().statusCode(429).body("code", equalTo("account-locked"))
                .header("Retry-After", notNullValue());
        passwordGrant(username.toUpperCase(), PASSWORD).then().statusCode(429);

        // And the other way round: failures under the NIK lock the username.
        String otherNik = IdentityFixtures.randomNik(true);
        String other = IdentityFixtures.randomName("warga");
        IdentityFixtures.registerCitizen(otherNik, other);
        for (int i = 1; i <= 5; i++) {
            passwordGrant(otherNik, "Salah-Sandi-" + i);
        }
        passwordGrant(other, PASSWORD).then().statusCode(429).body("code", equalTo("account-locked"));
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanSequentialOnes() throws Exception {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "SAMSAT-BDG", "MPP-BDG");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var guesses = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                guesses.add(() -> passwordGrant(username, "Tebakan-Salah-" + n).statusCode());
            }
            int checked = 0;
            for (var result : pool.invokeAll(guesses)) {
                int status = result.get();
                assertTrue(status == 400 || status == 429, "status " + status);
                if (status == 400) {
                    checked++;
                }
            }
            assertTrue(checked <= 4, checked + " wrong guesses were checked; at most 4 may be before the lock");
        } finally {
            pool.shutdownNow();
        }
        passwordGrant(username, PASSWORD).then().statusCode(429).body("code", equalTo("account-locked"));
    }

    @Test
    void lockedMessageInEnglish() {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "BJB-BDG", "MPP-BDG");
        for (int i = 1; i <= 5; i++) {
            passwordGrant(username, "Salah-Sandi-" + i);
        }
        io.restassured.RestAssured.given().header("Accept-Language", "en")
                .contentType(io.restassured.http.ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", PASSWORD).post("/api/v1/auth/token")
                .then().statusCode(429).body("title", equalTo("Too many sign-in attempts"))
                .body("detail", equalTo("The account is locked for a while after too many failed attempts. "
                        + "Try again in 15 minutes."));
    }

    @Test
    void successResetsTheCount() {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "IMIGRASI-BDG", "MPP-BDG");
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 3; i++) {
                passwordGrant(username, "Salah-Sandi-" + i).then().statusCode(400);
            }
            passwordGrant(username, PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void failuresSlowDownProgressively() {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "BPJSKES-BDG", "MPP-BDG");
        passwordGrant(username, "Salah-Sandi-1").then().statusCode(400);
        passwordGrant(username, "Salah-Sandi-2").then().statusCode(400);
        passwordGrant(username, "Salah-Sandi-3").then().statusCode(400);
        Response fourth = passwordGrant(username, "Salah-Sandi-4");
        fourth.then().statusCode(400);
        assertTrue(fourth.time() >= 80, "fourth failure answered after " + fourth.time() + " ms");
    }

    @Test
    void unknownUsernameAnswersExactlyLikeAWrongPassword() {
        String known = IdentityFixtures.insertStaff(Roles.OFFICER, "SAMSAT-BDG", "MPP-BDG");
        String unknown = IdentityFixtures.randomName("tidak.ada");
        for (int i = 1; i <= 5; i++) {
            Response a = passwordGrant(known, "Salah-Sandi-" + i);
            Response b = passwordGrant(unknown, "Salah-Sandi-" + i);
            assertEquals(a.statusCode(), b.statusCode(), "attempt " + i);
            assertEquals(withoutInstance(a), withoutInstance(b), "attempt " + i);
            assertEquals(a.header("Retry-After"), b.header("Retry-After"), "attempt " + i);
            assertEquals(a.contentType(), b.contentType());
        }
        // The unknown name is now locked too: nothing tells an attacker that it does not exist.
        passwordGrant(unknown, PASSWORD).then().statusCode(429).body("code", equalTo("account-locked"));
    }

    @Test
    void aClientIsLockedAfterRepeatedWrongSecrets() {
        String clientId = IdentityFixtures.insertClient(Roles.INTEGRATOR, "integrator-secret-uji", "applications:read",
                null, null);
        for (int i = 1; i <= 4; i++) {
            clientGrant(clientId, "wrong-" + i).then().statusCode(401).body("code", equalTo("invalid-client"));
        }
        clientGrant(clientId, "wrong-5").then().statusCode(429).body("code", equalTo("account-locked"));
        clientGrant(clientId, "integrator-secret-uji").then().statusCode(429).header("Retry-After", notNullValue());
    }

    private static Map<String, Object> withoutInstance(Response response) {
        Map<String, Object> body = new java.util.HashMap<>(response.jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }
}
