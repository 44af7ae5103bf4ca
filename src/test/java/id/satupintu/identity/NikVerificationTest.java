package id.satupintu.identity;

import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.randomNik;
import static id.satupintu.identity.IdentityFixtures.randomPhone;
import static id.satupintu.identity.IdentityFixtures.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A NIK typed online is only a claim: staff at a site's counter confirm it after seeing the KTP, and a
 * supervisor settles two accounts claiming one NIK.
 */
@QuarkusTest
class NikVerificationTest {

    private static final String SITE = "MPP-BDG";

    /** Registers a citizen with the NIK and returns the account id. */
    private static String register(String nik) {
        return given().header("X-Forwarded-For", IdentityFixtures.randomAddress()).contentType(ContentType.JSON)
                .body(registration(nik, randomPhone())).post("/api/v1/auth/register").then().statusCode(201)
                .extract().path("id");
    }

    private static ValidatableResponse confirm(String token, String accountId, String nik) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "nik", nik)).post("/api/v1/nik-claims/confirmation").then();
    }

    private static ValidatableResponse me(String accountId) {
        return given().auth().oauth2(TestTokens.citizen(accountId)).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void counterStaffConfirmTheNikAfterSeeingTheKtp() {
        String nik = randomNik(true);
        String account = register(nik);
        me(account).body("nikVerification.state", equalTo("UNVERIFIED"))
                .body("nikVerification.verifiedAt", nullValue());

        String staffId = UUID.randomUUID().toString();
        String counter = TestTokens.issue(new AccessTokenIssuer.Subject(staffId, "loket-uji", Set.of(Roles.COUNTER_STAFF),
                "DISDUKCAPIL-BDG", SITE, Set.of(), false));
        confirm(counter, account, nik).statusCode(200)
                .body("accountId", equalTo(account))
                .body("state", equalTo("VERIFIED"))
                .body("method", equalTo("counter"))
                .body("siteCode", equalTo(SITE))
                .body("nik", equalTo(nik.substring(0, 4) + "********" + nik.substring(12)));
        me(account).body("nikVerification.state", equalTo("VERIFIED"))
                .body("nikVerification.method", equalTo("counter"))
                .body("nikVerification.siteCode", equalTo(SITE))
                .body("nikVerification.verifiedAt", notNullValue());

        // Who and when are recorded.
        var row = IdentityFixtures.pool().preparedQuery("select nik_state, nik_verified_by, nik_verified_at, "
                        + "nik_verified_site from identity_user where id = $1").execute(Tuple.of(UUID.fromString(account)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("VERIFIED", row.getString("nik_state"));
        assertEquals(UUID.fromString(staffId), row.getUUID("nik_verified_by"));
        assertNotNull(row.getOffsetDateTime("nik_verified_at"));
        assertEquals(SITE, row.getString("nik_verified_site"));

        // Confirming again changes nothing.
        confirm(TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", SITE), account, nik).statusCode(200)
                .body("state", equalTo("VERIFIED"));
    }

    @Test
    void theKtpMustShowTheAccountsNik() {
        String account = register(randomNik(false));
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), account, randomNik(false))
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("nik-does-not-match"));
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), account, "123")
                .statusCode(400).body("errors[0].field", equalTo("nik"));
        me(account).body("nikVerification.state", equalTo("UNVERIFIED"));
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), UUID.randomUUID().toString(),
                randomNik(false)).statusCode(404).body("code", equalTo("account-not-found"));
    }

    @Test
    void onlyStaffOfASiteConfirm() {
        String nik = randomNik(false);
        String account = register(nik);
        confirm(TestTokens.citizen(account), account, nik).statusCode(403);
        confirm(TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", null), account, nik).statusCode(403);
        confirm(TestTokens.admin(), account, nik).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("accountId", account, "nik", nik))
                .post("/api/v1/nik-claims/confirmation").then().statusCode(401);
        String kiosk = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "kiosk-uji",
                Set.of(Roles.KIOSK), null, SITE, Set.of("tickets:write"), true));
        confirm(kiosk, account, nik).statusCode(403);
        me(account).body("nikVerification.state", equalTo("UNVERIFIED"));
    }

    @Test
    void confirmingOneClaimFlagsAndTellsTheOthers() {
        String nik = randomNik(false);
        String first = register(nik);
        String second = register(nik);
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), second, nik).statusCode(200)
                .body("state", equalTo("VERIFIED"));
        me(first).body("nikVerification.state", equalTo("REJECTED"))
                .body("notices.code", hasItem("nik-claim-rejected"));
        me(second).body("nikVerification.state", equalTo("VERIFIED"));
        // The flagged account cannot be confirmed at a counter any more: only a supervisor can change that.
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), first, nik).statusCode(409)
                .body("code", equalTo("nik-claim-rejected"));
        // Both still sign in (the flagged one to read what happened); the NIK opens the account whose password it is.
        IdentityFixtures.passwordGrant(nik, PASSWORD).then().statusCode(200);
    }

    @Test
    void aSupervisorSettlesADisputedNik() {
        String nik = randomNik(true);
        String squatter = register(nik);
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), squatter, nik).statusCode(200);
        String owner = register(nik);
        // A counter cannot override a verified claim...
        confirm(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE), owner, nik).statusCode(409)
                .body("code", equalTo("nik-verified-elsewhere"));

        // ...staff look the claims up...
        String counter = TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", SITE);
        given().auth().oauth2(counter).contentType(ContentType.JSON).body(Map.of("nik", nik))
                .post("/api/v1/nik-claims").then().statusCode(200)
                .body("items.accountId", equalTo(List.of(owner, squatter)))
                .body("items.state", equalTo(List.of("UNVERIFIED", "VERIFIED")))
                .body("items[0].nik", equalTo(nik.substring(0, 4) + "********" + nik.substring(12)));
        given().auth().oauth2(TestTokens.citizen(owner)).contentType(ContentType.JSON).body(Map.of("nik", nik))
                .post("/api/v1/nik-claims").then().statusCode(403);

        // ...and a supervisor (or an administrator) settles: the one kept is verified, the other flagged and told.
        settle(counter, nik, owner).statusCode(403);
        String supervisorId = UUID.randomUUID().toString();
        String supervisor = TestTokens.issue(new AccessTokenIssuer.Subject(supervisorId, "supervisor-uji",
                Set.of(Roles.SUPERVISOR), null, SITE, Set.of(), false));
        settle(supervisor, nik, UUID.randomUUID().toString()).statusCode(409).body("code", equalTo("nik-not-claimed"));
        settle(supervisor, nik, owner).statusCode(200)
                .body("items.accountId", equalTo(List.of(owner, squatter)))
                .body("items.state", equalTo(List.of("VERIFIED", "REJECTED")))
                .body("items[0].method", equalTo("settlement"));
        me(owner).body("nikVerification.state", equalTo("VERIFIED"));
        me(squatter).body("nikVerification.state", equalTo("REJECTED"))
                .body("notices.code", hasItem("nik-claim-rejected"));
        given().auth().oauth2(TestTokens.citizen(squatter)).header("Accept-Language", "en").get("/api/v1/me").then()
                .body("notices.find { it.code == 'nik-claim-rejected' }.title", equalTo("Your NIK went to another account"));
        settle(TestTokens.admin(), nik, owner).statusCode(200);
    }

    private static ValidatableResponse settle(String token, String nik, String keep) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nik", nik, "keepAccountId", keep, "note", "KTP asli diperiksa di loket"))
                .post("/api/v1/nik-claims/settlement").then();
    }
}
