package id.satupintu.identity;

import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.randomNik;
import static id.satupintu.identity.IdentityFixtures.randomPhone;
import static id.satupintu.identity.IdentityFixtures.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

    private static ValidatableResponse register(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/register").then();
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
    void oneAccountPerNik() {
        String nik = randomNik(false);
        register(registration(nik, randomPhone())).statusCode(201);
        register(registration(nik, randomPhone())).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("nik-already-registered"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(registration(nik, randomPhone()))
                .post("/api/v1/auth/register").then().statusCode(409)
                .body("title", equalTo("NIK already registered"));
    }

    @Test
    void concurrentSignUpsWithOneNikCreateOneAccount() throws Exception {
        for (int round = 0; round < 3; round++) {
            String nik = randomNik(round % 2 == 0);
            assertEquals(List.of(201, 409, 409), IdentityFixtures.race(3, () -> given().contentType(ContentType.JSON)
                    .body(registration(nik, randomPhone())).post("/api/v1/auth/register").statusCode()),
                    "round " + round);
        }
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
