package id.satupintu.identity;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.Roles;
import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeTest {

    @Test
    void demoCitizenSeesMaskedNikAndPhone() {
        String token = IdentityFixtures.accessToken("warga.demo", "Warga-Demo-2025");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("user"))
                .body("username", equalTo("warga.demo"))
                .body("roles", equalTo(List.of("citizen")))
                .body("nik", equalTo("3273********0001"))
                .body("phone", equalTo("0812****7890"))
                .body("agencyCode", nullValue());
    }

    @Test
    void meShowsWhetherTheNikIsVerified() {
        String token = IdentityFixtures.accessToken("warga.demo", "Warga-Demo-2025");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("nikVerification.state", equalTo("UNVERIFIED"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { nikVerification { state verifiedAt } } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.me.nikVerification.state", equalTo("UNVERIFIED"));
        // Staff have no NIK on their account, so nothing to verify.
        given().auth().oauth2(IdentityFixtures.accessToken("loket.disdukcapil", "Loket-Dukcapil-2025"))
                .get("/api/v1/me").then().statusCode(200).body("nikVerification", nullValue());
    }

    @Test
    void staffSeeTheirBinding() {
        String token = IdentityFixtures.accessToken("loket.disdukcapil", "Loket-Dukcapil-2025");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("counter_staff")))
                .body("agencyCode", equalTo("DISDUKCAPIL-BDG"))
                .body("siteCode", equalTo("MPP-BDG"))
                .body("nik", nullValue());
    }

    @Test
    void clientSeesItselfWithScopes() {
        String token = IdentityFixtures.clientGrant("drive-thru-samsat-bdg", "drivethru-demo-secret-2025")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("client"))
                .body("username", equalTo("drive-thru-samsat-bdg"))
                .body("roles", equalTo(List.of("drive_thru")))
                .body("agencyCode", equalTo("SAMSAT-BDG"))
                .body("siteCode", equalTo("MPP-BDG"))
                .body("scopes", equalTo(List.of("tickets:write")));
    }

    @Test
    void anonymousAndForgedCallersAreRefused() {
        given().get("/api/v1/me").then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2("not.a.jwt").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void tokenForAnAccountThatDoesNotExist() {
        given().auth().oauth2(TestTokens.citizen(java.util.UUID.randomUUID().toString())).get("/api/v1/me")
                .then().statusCode(404).body("code", equalTo("account-not-found"));
        given().auth().oauth2(TestTokens.citizen("bukan-uuid")).get("/api/v1/me")
                .then().statusCode(404).body("code", equalTo("account-not-found"));
    }

    @Test
    void jwksPublishesTheSigningKey() {
        String token = IdentityFixtures.accessToken("admin.demo", "Admin-Demo-2025");
        String kid = (String) IdentityFixtures.claimsHeader(token).get("kid");
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", startsWith("max-age"))
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", equalTo(kid))
                .body("keys[0].n", notNullValue())
                .body("keys[0].d", nullValue());
    }

    @Test
    void graphqlMe() {
        String token = IdentityFixtures.accessToken("warga.demo", "Warga-Demo-2025");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { kind username roles nik phone } }"))
                .post("/graphql").then().statusCode(200)
                .body("data.me.kind", equalTo("user"))
                .body("data.me.username", equalTo("warga.demo"))
                .body("data.me.nik", equalTo("3273********0001"))
                .body("data.me.phone", equalTo("0812****7890"));
    }

    @Test
    void graphqlMeWithoutTokenIsAnError() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ me { username } }"))
                .post("/graphql").then()
                .body("data.me", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void siblingMeFieldsEachGetTheirCaller() {
        String token = IdentityFixtures.accessToken("warga.demo", "Warga-Demo-2025");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("query", "{ a: me { username } b: me { nik } c: me { roles } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.a.username", equalTo("warga.demo"))
                .body("data.b.nik", equalTo("3273********0001"));
    }

    @Test
    void currentUserGivesATypedCallerAndChecksRoles() {
        String officer = IdentityFixtures.accessToken("petugas.dpmptsp", "Petugas-Dpmptsp-2025");
        given().auth().oauth2(officer).get("/api/v1/test-only/caller").then().statusCode(200)
                .body("roles", equalTo(List.of("officer")))
                .body("agencyCode", equalTo("DPMPTSP-BDG"))
                .body("client", equalTo(false))
                .body("staff", equalTo(true));
        String kiosk = IdentityFixtures.clientGrant("kiosk-mpp-bdg-01", "kiosk-demo-secret-2025")
                .then().extract().path("access_token");
        given().auth().oauth2(kiosk).get("/api/v1/test-only/caller").then().statusCode(200)
                .body("client", equalTo(true))
                .body("scopes", equalTo(List.of("services:read", "tickets:write")));

        given().auth().oauth2(IdentityFixtures.accessToken("supervisor.bdg", "Supervisor-Bdg-2025"))
                .get("/api/v1/test-only/supervisors").then().statusCode(200).body(equalTo("MPP-BDG"));
        given().auth().oauth2(officer).get("/api/v1/test-only/supervisors").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(kiosk).get("/api/v1/test-only/supervisors").then().statusCode(403);
        given().get("/api/v1/test-only/supervisors").then().statusCode(401);
        String citizen = IdentityFixtures.accessToken(IdentityFixtures.registerCitizen(), PASSWORD);
        given().auth().oauth2(citizen).get("/api/v1/test-only/supervisors").then().statusCode(403);
    }

    /** Endpoints that exist only in the test build, written as another feature would use CurrentUser. */
    @Path("/api/v1/test-only")
    public static class CallerProbe {

        @jakarta.inject.Inject
        CurrentUser currentUser;

        public record View(String id, List<String> roles, String agencyCode, String siteCode, boolean client,
                           boolean staff, List<String> scopes) {
        }

        @GET
        @Path("/caller")
        public Uni<View> caller() {
            return currentUser.require().map(c -> new View(c.id(), List.copyOf(c.roles()), c.agencyCode(),
                    c.siteCode(), c.client(), c.isStaff(), c.scopes().stream().sorted().toList()));
        }

        @GET
        @Path("/supervisors")
        public Uni<String> supervisors() {
            return currentUser.requireRole(Roles.SUPERVISOR, Roles.ADMIN).map(Caller::siteCode);
        }
    }
}
