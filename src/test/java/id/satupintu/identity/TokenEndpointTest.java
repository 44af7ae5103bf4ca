package id.satupintu.identity;

import id.satupintu.platform.security.Roles;
import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.claims;
import static id.satupintu.identity.IdentityFixtures.clientGrant;
import static id.satupintu.identity.IdentityFixtures.passwordGrant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class TokenEndpointTest {

    @Test
    void passwordGrantWithFormIssuesAccessAndRefreshTokens() {
        String username = IdentityFixtures.insertStaff(Roles.OFFICER, "DPMPTSP-BDG", "MPP-BDG");
        var body = passwordGrant(username, PASSWORD).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .body("scope", equalTo("officer"))
                .extract();
        Map<String, Object> claims = claims(body.path("access_token"));
        assertEquals(List.of("officer"), claims.get("groups"));
        assertEquals("DPMPTSP-BDG", claims.get("agency"));
        assertEquals("MPP-BDG", claims.get("site"));
        assertEquals(username, claims.get("upn"));
    }

    @Test
    void passwordGrantWithJsonAndCaseInsensitiveUsername() {
        String username = IdentityFixtures.insertStaff(Roles.SUPERVISOR, null, "MPP-BDG");
        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "username", username.toUpperCase(), "password", PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void demoAccountsCanSignIn() {
        for (String[] account : new String[][] {{"petugas.dpmptsp", "Petugas-Dpmptsp-2025", "officer"},
                {"petugas.disdukcapil", "Petugas-Dukcapil-2025", "officer"},
                {"loket.disdukcapil", "Loket-Dukcapil-2025", "counter_staff"},
                {"supervisor.bdg", "Supervisor-Bdg-2025", "supervisor"},
                {"admin.demo", "Admin-Demo-2025", "admin"}, {"warga.demo", "Warga-Demo-2025", "citizen"}}) {
            passwordGrant(account[0], account[1]).then().statusCode(200).body("scope", equalTo(account[2]));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "oss-integrator, oss-demo-secret-2025, integrator, , , applications:read applications:write permits:read webhooks:manage",
            "kiosk-mpp-bdg-01, kiosk-demo-secret-2025, kiosk, , MPP-BDG, services:read tickets:write",
            "drive-thru-samsat-bdg, drivethru-demo-secret-2025, drive_thru, SAMSAT-BDG, MPP-BDG, tickets:write",
            "display-mpp-bdg-01, display-demo-secret-2025, display_board, , MPP-BDG, board:read"})
    void clientCredentialsForEveryKind(String clientId, String secret, String kind, String agency, String site,
                                       String scopes) {
        var response = clientGrant(clientId, secret).then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("refresh_token", nullValue())
                .body("scope", equalTo(scopes)).extract();
        Map<String, Object> claims = claims(response.path("access_token"));
        assertEquals(List.of(kind), claims.get("groups"));
        assertEquals("client", claims.get("sub_type"));
        assertEquals(agency, claims.get("agency"));
        assertEquals(site, claims.get("site"));
        assertEquals(scopes, claims.get("scope"));
    }

    @Test
    void clientCredentialsOverHttpBasicAndNarrowedScope() {
        String basic = Base64.getEncoder().encodeToString("oss-integrator:oss-demo-secret-2025"
                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "applications:read")
                .post("/api/v1/auth/token")
                .then().statusCode(200).body("scope", equalTo("applications:read"));
    }

    @Test
    void scopeBeyondTheClientsGrantIsRefused() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "display-mpp-bdg-01").formParam("client_secret", "display-demo-secret-2025")
                .formParam("scope", "board:read applications:write")
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("invalid-scope"));
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        String clientId = IdentityFixtures.insertClient(Roles.KIOSK, "kiosk-secret-uji-1", "tickets:write", null,
                "MPP-BDG");
        clientGrant(clientId, "not-the-secret").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("code", equalTo("invalid-client"));
        String basic = Base64.getEncoder().encodeToString((clientId + ":wrong").getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/auth/token")
                .then().statusCode(401).body("code", equalTo("invalid-client"));
        given().header("Authorization", "Basic %%%").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/auth/token")
                .then().statusCode(401).body("code", equalTo("invalid-client"));
    }

    @Test
    void inactiveClientCannotSignIn() {
        String clientId = IdentityFixtures.insertClient(Roles.DISPLAY_BOARD, "display-secret-uji", "board:read", null,
                "MPP-BDG");
        clientGrant(clientId, "display-secret-uji").then().statusCode(200);
        IdentityFixtures.pool().preparedQuery("update identity_api_client set active = false where client_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(clientId)).await().indefinitely();
        clientGrant(clientId, "display-secret-uji").then().statusCode(401).body("code", equalTo("invalid-client"));
    }

    @Test
    void unknownGrantType() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("unsupported-grant-type"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("grant_type", "implicit"))
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("unsupported-grant-type"))
                .body("title", equalTo("Unsupported grant type"));
    }

    @Test
    void missingFieldsAreListed() {
        given().contentType(ContentType.URLENC).formParam("username", "x").post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("grant_type"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", equalTo(List.of("username", "password")))
                .body("errors.code", equalTo(List.of("required", "required")));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("errors.field", equalTo(List.of("client_id", "client_secret")));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").post("/api/v1/auth/token")
                .then().statusCode(400).body("errors[0].field", equalTo("refresh_token"));
    }

    @Test
    void tooLargeFieldsAreRefusedBeforeHashing() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "u".repeat(65)).formParam("password", "p".repeat(257))
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("errors.field", equalTo(List.of("username", "password")))
                .body("errors.code", equalTo(List.of("size", "size")));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "r".repeat(500)).post("/api/v1/auth/token")
                .then().statusCode(400).body("errors[0].code", equalTo("size"));
    }

    @Test
    void malformedJsonWrongTypesAndEmptyBody() {
        given().contentType(ContentType.JSON).body("{\"grant_type\": \"password\",").post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("malformed-json"));
        given().contentType(ContentType.JSON).body("{\"grant_type\": {\"a\": 1}}").post("/api/v1/auth/token").then()
                .statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("grant_type")).body("errors[0].code", equalTo("wrong-type"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/auth/token").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("null").post("/api/v1/auth/token")
                .then().statusCode(400).body("errors[0].field", equalTo("grant_type"));
    }

    @Test
    void unsupportedContentType() {
        given().contentType(ContentType.TEXT).body("grant_type=password").post("/api/v1/auth/token")
                .then().statusCode(415).body("code", equalTo("unsupported-media-type"));
        given().contentType(ContentType.XML).body("<a/>").post("/api/v1/auth/token")
                .then().statusCode(415);
    }

    @Test
    void getIsNotAllowed() {
        given().get("/api/v1/auth/token").then().statusCode(405).body("code", equalTo("method-not-allowed"));
    }

    @Test
    void citizenSignsInWithUsernameOrNik() {
        String nik = IdentityFixtures.randomNik(true);
        var body = IdentityFixtures.registration(nik, IdentityFixtures.randomPhone());
        given().header("X-Forwarded-For", IdentityFixtures.randomAddress()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/register").then().statusCode(201);
        passwordGrant(nik, PASSWORD).then().statusCode(200).body("scope", equalTo("citizen"));
    }

    @Test
    void disabledUserCannotSignInEvenWithTheRightPassword() {
        String username = IdentityFixtures.insertStaff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", "MPP-BDG");
        passwordGrant(username, PASSWORD).then().statusCode(200);
        IdentityFixtures.pool().preparedQuery("update identity_user set active = false where username = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(username)).await().indefinitely();
        passwordGrant(username, PASSWORD).then().statusCode(400).body("code", equalTo("invalid-grant"));
    }
}
