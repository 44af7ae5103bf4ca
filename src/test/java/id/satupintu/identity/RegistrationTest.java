package id.satupintu.identity;

import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.randomNik;
import static id.satupintu.identity.IdentityFixtures.randomPhone;
import static id.satupintu.identity.IdentityFixtures.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class RegistrationTest {

    /** A sign-up from an address of its own, so the per-address limit of one test does not reach another. */
    private static ValidatableResponse register(Object body) {
        return register(IdentityFixtures.randomAddress(), body);
    }

    private static ValidatableResponse register(String address, Object body) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/register").then();
    }

    @Test
    void registersACitizenWithMaskedAndEncryptedIdentifiers() {
        String nik = randomNik(true);
        String username = IdentityFixtures.randomName("warga");
        Map<String, Object> body = registration(nik, "+62 812-3456-7890");
        body.put("username", username);
        body.put("email", "warga@example.id");
        String id = register(body).statusCode(201)
                .header("Location", startsWith("http"))
                .body("kind", equalTo("user"))
                .body("roles", equalTo(List.of("citizen")))
                .body("nik", equalTo(nik.substring(0, 4) + "********" + nik.substring(12)))
                .body("phone", equalTo("0812****7890"))
                .body("email", equalTo("warga@example.id"))
                .body("username", equalTo(username))
                .extract().path("id");

        var row = IdentityFixtures.pool().preparedQuery("select nik_encrypted, phone_encrypted, nik_index "
                        + "from identity_user where id = $1").execute(Tuple.of(java.util.UUID.fromString(id)))
                .await().indefinitely().iterator().next();
        assertTrue(row.getString("nik_encrypted").startsWith("k1:"));
        assertFalse(row.getString("nik_encrypted").contains(nik));
        assertFalse(row.getString("phone_encrypted").contains("81234567890"));
        assertFalse(row.getString("nik_index").contains(nik));
    }

    @Test
    void aKnownNikGetsTheSameAnswerAsANewOne() {
        String nik = randomNik(false);
        var first = given().header("X-Forwarded-For", IdentityFixtures.randomAddress()).contentType(ContentType.JSON)
                .body(registration(nik, randomPhone())).post("/api/v1/auth/register");
        var again = given().header("X-Forwarded-For", IdentityFixtures.randomAddress()).contentType(ContentType.JSON)
                .body(registration(nik, randomPhone())).post("/api/v1/auth/register");
        // Nothing in the answer says that the NIK already had an account: same status, same fields, same values
        // but for the new account's own id.
        assertEquals(201, first.statusCode());
        assertEquals(first.statusCode(), again.statusCode());
        assertEquals(first.contentType(), again.contentType());
        Map<String, Object> a = new java.util.HashMap<>(first.jsonPath().getMap(""));
        Map<String, Object> b = new java.util.HashMap<>(again.jsonPath().getMap(""));
        assertTrue(!a.get("id").equals(b.get("id")));
        a.remove("id");
        b.remove("id");
        a.remove("phone");
        b.remove("phone");
        assertEquals(a, b);
        assertEquals("UNVERIFIED", again.jsonPath().getString("nikVerification.state"));
        // The earlier account is told, in its own /me; the newcomer is told nothing.
        given().auth().oauth2(IdentityFixtures.accessTokenOf(first.jsonPath().getString("id"))).get("/api/v1/me").then()
                .statusCode(200).body("notices.code", equalTo(List.of("nik-claimed-again")))
                .body("notices[0].title", notNullValue());
        given().auth().oauth2(IdentityFixtures.accessTokenOf(again.jsonPath().getString("id"))).get("/api/v1/me").then()
                .statusCode(200).body("notices", nullValue());
    }

    @Test
    void concurrentSignUpsWithOneNikAllAnswerAlike() throws Exception {
        for (int round = 0; round < 3; round++) {
            String nik = randomNik(round % 2 == 0);
            assertEquals(List.of(201, 201, 201), IdentityFixtures.race(3, () -> given()
                    .header("X-Forwarded-For", IdentityFixtures.randomAddress()).contentType(ContentType.JSON)
                    .body(registration(nik, randomPhone())).post("/api/v1/auth/register").statusCode()),
                    "round " + round);
        }
    }

    @Test
    void aTakenUsernameIsRefusedAlikeForKnownAndUnknownNiks() {
        String taken = IdentityFixtures.registerCitizen();
        String knownNik = randomNik(true);
        register(registration(knownNik, randomPhone())).statusCode(201);
        Map<String, Object> withKnownNik = registration(knownNik, randomPhone());
        withKnownNik.put("username", taken);
        Map<String, Object> withNewNik = registration(randomNik(true), randomPhone());
        withNewNik.put("username", taken);
        register(withKnownNik).statusCode(409).body("code", equalTo("username-taken"));
        register(withNewNik).statusCode(409).body("code", equalTo("username-taken"));
    }

    @Test
    void signUpsAreLimitedPerClientAddress() {
        String address = IdentityFixtures.randomAddress();
        for (int i = 0; i < 5; i++) {
            register(address, registration(randomNik(false), randomPhone())).statusCode(201);
        }
        register(address, registration(randomNik(false), randomPhone())).statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("registration-rate-limited"));
        // A spoofed left-most X-Forwarded-For entry does not make a new address: the hop the proxy added counts.
        given().header("X-Forwarded-For", IdentityFixtures.randomAddress() + ", " + address)
                .contentType(ContentType.JSON).body(registration(randomNik(false), randomPhone()))
                .post("/api/v1/auth/register").then().statusCode(429);
        given().header("Accept-Language", "en").header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(registration(randomNik(false), randomPhone())).post("/api/v1/auth/register").then()
                .statusCode(429).body("title", equalTo("Too many sign-ups"));
        // Another address is not affected.
        register(registration(randomNik(false), randomPhone())).statusCode(201);
    }

    @Test
    void usernameIsUniqueIgnoringCase() {
        String username = IdentityFixtures.registerCitizen();
        Map<String, Object> body = registration(randomNik(false), randomPhone());
        body.put("username", username.toUpperCase());
        register(body).statusCode(409).body("code", equalTo("username-taken"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "9902041211870001, nik-province",
            "3602043102870001, nik-birth-date",
            "3602047102870001, nik-birth-date",
            "3602042902010001, nik-birth-date",
            "3602041211870000, nik-serial",
            "360204121187000, nik-format",
            "36020412118700AB, nik-format"})
    void invalidNiksAreRefusedWithTheReason(String nik, String code) {
        register(registration(nik, randomPhone())).statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", equalTo(List.of("nik")))
                .body("errors.code", equalTo(List.of(code)));
    }

    @ParameterizedTest
    @CsvSource({"3602041211870001", "3273015708900001", "3602046902000001"})
    void validNiksPassTheNikRules(String nik) {
        // A bad phone keeps the account from being created: only the NIK verdict matters here.
        register(registration(nik, "12345")).statusCode(400)
                .body("errors.field", equalTo(List.of("phone")));
    }

    @Test
    void nikReasonsInEnglish() {
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(registration("9902041211870001", randomPhone())).post("/api/v1/auth/register")
                .then().statusCode(400)
                .body("title", equalTo("The submitted data is not valid"))
                .body("errors[0].message", equalTo("the province code of the NIK (first 2 digits) is unknown"));
    }

    @Test
    void missingFieldsAreListed() {
        register(Map.of()).statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", equalTo(List.of("fullName", "nik", "password", "phone")))
                .body("errors.code", equalTo(List.of("required", "required", "required", "required")));
    }

    @Test
    void emptyAndMalformedBodies() {
        given().contentType(ContentType.JSON).post("/api/v1/auth/register").then().statusCode(400);
        register("null").statusCode(400);
        register("{\"fullName\": ").statusCode(400).body("code", equalTo("malformed-json"));
        register("[]").statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void wrongTypes() {
        register("{\"fullName\": {\"first\": \"A\"}, \"nik\": \"3602041211870001\"}").statusCode(400)
                .body("errors[0].field", equalTo("fullName")).body("errors[0].code", equalTo("wrong-type"));
    }

    @Test
    void tooLargeFields() {
        Map<String, Object> body = registration("3".repeat(40), "0".repeat(30));
        body.put("fullName", "A".repeat(201));
        body.put("email", "a".repeat(250) + "@example.id");
        body.put("password", "Ab1".repeat(50));
        register(body).statusCode(400)
                .body("errors.field", equalTo(List.of("email", "email", "fullName", "nik", "password", "phone")));
    }

    @Test
    void passwordPolicy() {
        String nik = randomNik(false);
        String phone = randomPhone();
        Map<String, Object> body = registration(nik, phone);
        body.put("password", "Pendek1");
        register(body).statusCode(400).body("errors.field", equalTo(List.of("password")))
                .body("errors.code", equalTo(List.of("size")));
        body.put("password", "hanyahurufsaja");
        register(body).statusCode(400).body("errors.code", equalTo(List.of("password-weak")));
        body.put("password", "A" + nik);
        register(body).statusCode(400).body("errors.code", equalTo(List.of("password-personal")));
        body.put("password", "Sandi" + phone);
        register(body).statusCode(400).body("errors.code", equalTo(List.of("password-personal")));
    }

    @Test
    void badEmailPhoneAndUsername() {
        Map<String, Object> body = registration(randomNik(false), "021-5551234");
        body.put("email", "bukan-email");
        body.put("username", "1234567890123456");
        register(body).statusCode(400).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("username"));
        Map<String, Object> phoneOnly = registration(randomNik(false), "021-5551234");
        register(phoneOnly).statusCode(400).body("errors.field", equalTo(List.of("phone")))
                .body("errors.code", equalTo(List.of("phone-format")));
    }

    @Test
    void wrongContentType() {
        given().contentType(ContentType.URLENC).formParam("nik", "3602041211870001").post("/api/v1/auth/register")
                .then().statusCode(415).body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void registeredCitizenSignsInAndSeesMaskedData() {
        String nik = randomNik(false);
        String phone = randomPhone();
        register(registration(nik, phone)).statusCode(201).body("username", nullValue());
        String token = IdentityFixtures.accessToken(nik, PASSWORD);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("nik", equalTo(nik.substring(0, 4) + "********" + nik.substring(12)))
                .body("phone", equalTo(phone.substring(0, 4) + "****" + phone.substring(8)))
                .body("nik", not(equalTo(nik)));
    }
}
