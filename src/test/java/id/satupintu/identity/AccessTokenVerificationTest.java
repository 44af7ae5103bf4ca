package id.satupintu.identity;

import id.satupintu.platform.security.Roles;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokenVerificationTest {

    @Test
    void tokenFromTheIssuerIsAccepted() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/test-only/whoami")
                .then().statusCode(200).body(startsWith("admin-"));
    }

    @Test
    void forgedTokenIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("https://satupintu.local").subject("x").upn("mallory")
                .groups(Set.of(Roles.ADMIN)).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().get("/api/v1/test-only/whoami")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void expiredTokenIsRefused() {
        var keys = io.quarkus.arc.Arc.container().instance(SigningKeys.class).get();
        String expired = Jwt.issuer(keys.issuer()).subject("x").upn("late").groups(Set.of(Roles.ADMIN))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId(keys.keyId()).sign(keys.privateKey());
        given().auth().oauth2(expired).when().get("/api/v1/test-only/whoami").then().statusCode(401);
    }

    @Test
    void missingTokenIsRefused() {
        given().when().get("/api/v1/test-only/whoami").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void wrongRoleIsForbidden() {
        given().auth().oauth2(TestTokens.citizen("c1")).when().get("/api/v1/test-only/whoami")
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    /** An endpoint that exists only in the test build, guarded like any admin endpoint. */
    @Path("/api/v1/test-only/whoami")
    public static class WhoAmI {
        @GET
        @jakarta.annotation.security.RolesAllowed(Roles.ADMIN)
        public String whoami(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
            return security.getUserPrincipal().getName();
        }
    }
}
