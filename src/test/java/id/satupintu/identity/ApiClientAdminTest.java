package id.satupintu.identity;

import id.satupintu.platform.security.Roles;
import static id.satupintu.identity.IdentityFixtures.clientGrant;
import static id.satupintu.identity.IdentityFixtures.randomName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Administration of API clients over HTTP: create, read, replace, rotate, revoke, and who may. */
@QuarkusTest
class ApiClientAdminTest {

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    static Map<String, Object> integrator(String clientId, String... scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("name", "Sistem OSS Uji");
        body.put("kind", "integrator");
        body.put("scopes", List.of(scopes));
        return body;
    }

    /** Creates a client and returns its secret. */
    static String create(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(201)
                .extract().path("clientSecret");
    }

    static String token(String clientId, String secret) {
        return clientGrant(clientId, secret).then().statusCode(200).extract().path("access_token");
    }

    static Response me(String token) {
        return given().auth().oauth2(token).get("/api/v1/me");
    }

    @Test
    void createShowsTheSecretOnceAndNeverAgain() {
        String id = randomName("oss");
        Response created = asAdmin().body(integrator(id, "applications:read", "permits:read"))
                .post("/api/v1/api-clients");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/api-clients/" + id))
                .header("Cache-Control", "no-store")
                .body("client.clientId", equalTo(id)).body("client.kind", equalTo("integrator"))
                .body("client.scopes", containsInAnyOrder("applications:read", "permits:read"))
                .body("client.active", equalTo(true)).body("client.createdAt", notNullValue())
                .body("client", not(hasKey("secretHash")));
        String secret = created.path("clientSecret");
        assertEquals(43, secret.length());

        String read = asAdmin().get("/api/v1/api-clients/" + id).then().statusCode(200)
                .body("clientId", equalTo(id)).body("$", not(hasKey("clientSecret"))).extract().asString();
        assertFalse(read.contains(secret));
        assertFalse(asAdmin().get("/api/v1/api-clients?limit=200").asString().contains(secret));
        asAdmin().get("/api/v1/api-clients?kind=integrator&active=true&limit=200").then().statusCode(200)
                .body("items.clientId", hasItem(id));

        String token = token(id, secret);
        me(token).then().statusCode(200).body("scopes", containsInAnyOrder("applications:read", "permits:read"));
        asAdmin().body(integrator(id.toUpperCase())).post("/api/v1/api-clients").then().statusCode(400);
        asAdmin().body(integrator(id)).post("/api/v1/api-clients").then().statusCode(409)
                .body("code", equalTo("api-client-exists"));
    }

    @Test
    void racingCreationsOfOneClientIdMakeOneClient() throws Exception {
        Map<String, Object> body = integrator(randomName("oss"), "applications:read");
        List<Integer> statuses = IdentityFixtures.race(6,
                () -> asAdmin().body(body).post("/api/v1/api-clients").statusCode());
        assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses);
    }

    @Test
    void badInputIsA400ThatNamesTheField() {
        Map<String, Object> body = integrator(randomName("oss"), "applications:read", "applications:fly");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("scopes[1]")).body("errors.code", hasItem("unknown-scope"));
        asAdmin().header("Accept-Language", "en").body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("unknown scope \"applications:fly\"")));

        body = integrator(randomName("oss"), "applications:read", "applications:read");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.code", hasItem("duplicate"));

        body = integrator(randomName("oss"));
        body.put("kind", "robot");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.field", hasItem("kind")).body("errors.code", hasItem("unknown-client-kind"));
        body.remove("kind");
        body.remove("name");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.field", hasItem("name"));

        body = integrator(randomName("oss"));
        body.put("kind", "kiosk");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.code", hasItem("required-for-device"));
        body.put("siteCode", "MPP-NOWHERE");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.code", hasItem("unknown-site"));
        body.put("siteCode", "MPP-MKS");
        body.put("agencyCode", "NO-SUCH-AGENCY");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.code", hasItem("unknown-agency"));
        body.put("agencyCode", "DISDUKCAPIL-BDG");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400)
                .body("errors.code", hasItem("agency-not-at-site"));

        body = integrator("X");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.field", hasItem("clientId"));
        body = integrator(randomName("oss"));
        body.put("rateLimit", 0);
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.field", hasItem("rateLimit"));
        body.put("rateLimit", "banyak");
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400);
        body.put("rateLimit", 10);
        body.put("scopes", Collections.nCopies(21, "applications:read"));
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.field", hasItem("scopes"));
        body.put("name", "x".repeat(201));
        body.put("scopes", List.of());
        asAdmin().body(body).post("/api/v1/api-clients").then().statusCode(400).body("errors.field", hasItem("name"));
        asAdmin().body("{\"clientId\": ").post("/api/v1/api-clients").then().statusCode(400)
                .body("code", equalTo("malformed-json"));
        asAdmin().post("/api/v1/api-clients").then().statusCode(400);
        asAdmin().get("/api/v1/api-clients?active=maybe").then().statusCode(400).body("errors.field", hasItem("active"));
        asAdmin().get("/api/v1/api-clients?kind=robot").then().statusCode(400);
        asAdmin().get("/api/v1/api-clients?cursor=%%%").then().statusCode(400);
        asAdmin().get("/api/v1/api-clients/no-such-client").then().statusCode(404)
                .body("code", equalTo("api-client-not-found"));
        asAdmin().body(Map.of()).post("/api/v1/api-clients/no-such-client/revocation").then().statusCode(404);
    }

    @Test
    void onlyAdministratorsManageClients() {
        String id = randomName("oss");
        String secret = create(integrator(id, "applications:read"));
        String officer = TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", "MPP-BDG");
        String client = token(id, secret);
        for (String token : List.of(officer, client)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(integrator(randomName("oss")))
                    .post("/api/v1/api-clients").then().statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(token).get("/api/v1/api-clients").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/api-clients/" + id).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/api-clients/" + id + "/revocation")
                    .then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/api-client-calls").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(integrator(randomName("oss"))).post("/api/v1/api-clients").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/api-client-calls").then().statusCode(401);
    }

    @Test
    void rotationEndsTheOldSecretAndItsTokens() {
        String id = randomName("oss");
        String first = create(integrator(id, "applications:read"));
        String before = token(id, first);
        String second = asAdmin().post("/api/v1/api-clients/" + id + "/secret").then().statusCode(200)
                .header("Cache-Control", "no-store").body("client.secretRotatedAt", notNullValue())
                .body("client.previousSecretValidUntil", nullValue()).extract().path("clientSecret");
        clientGrant(id, first).then().statusCode(401).body("code", equalTo("invalid-client"));
        me(before).then().statusCode(401).body("code", equalTo("client-token-revoked"))
                .contentType("application/problem+json");
        me(token(id, second)).then().statusCode(200);

        // With a grace period the previous secret still signs in; the one before it does not.
        String third = asAdmin().body(Map.of("graceSeconds", 600)).post("/api/v1/api-clients/" + id + "/secret").then()
                .statusCode(200).body("client.previousSecretValidUntil", notNullValue()).extract().path("clientSecret");
        me(token(id, second)).then().statusCode(200);
        me(token(id, third)).then().statusCode(200);
        clientGrant(id, first).then().statusCode(401);
        asAdmin().body(Map.of("graceSeconds", -1)).post("/api/v1/api-clients/" + id + "/secret").then().statusCode(400)
                .body("errors.field", hasItem("graceSeconds"));
        asAdmin().body(Map.of("graceSeconds", 86_401)).post("/api/v1/api-clients/" + id + "/secret").then()
                .statusCode(400);
    }

    @Test
    void revocationStopsTokensAlreadyIssued() throws Exception {
        String id = randomName("oss");
        String secret = create(integrator(id, "applications:read"));
        String token = token(id, secret);
        me(token).then().statusCode(200);
        // Racing revocations: one wins, the others find it already revoked.
        List<Integer> statuses = IdentityFixtures.race(6, () -> asAdmin()
                .post("/api/v1/api-clients/" + id + "/revocation").statusCode());
        assertEquals(List.of(200, 409, 409, 409, 409, 409), statuses);
        me(token).then().statusCode(401).body("code", equalTo("client-token-revoked"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
        me(token).then().statusCode(401);
        clientGrant(id, secret).then().statusCode(401).body("code", equalTo("invalid-client"));
        asAdmin().get("/api/v1/api-clients/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("revokedAt", notNullValue());
        asAdmin().post("/api/v1/api-clients/" + id + "/secret").then().statusCode(409)
                .body("code", equalTo("api-client-revoked"));
        asAdmin().body(integrator(id, "applications:read")).put("/api/v1/api-clients/" + id).then().statusCode(409);
        // Even a GraphQL call with the old token is refused at the door.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void editingScopesOrBindingEndsEarlierTokens() {
        String id = randomName("oss");
        String secret = create(integrator(id, "applications:read", "applications:write"));
        String token = token(id, secret);
        Map<String, Object> body = integrator(id, "applications:read");
        body.put("agencyCode", "DPMPTSP-BDG");
        body.put("siteCode", "MPP-BDG");
        body.put("rateLimit", 100);
        asAdmin().body(body).put("/api/v1/api-clients/" + id).then().statusCode(200)
                .body("scopes", equalTo(List.of("applications:read"))).body("agencyCode", equalTo("DPMPTSP-BDG"))
                .body("rateLimit", equalTo(100));
        me(token).then().statusCode(401).body("code", equalTo("client-token-revoked"));
        me(token(id, secret)).then().statusCode(200).body("scopes", equalTo(List.of("applications:read")))
                .body("agencyCode", equalTo("DPMPTSP-BDG"));
        clientGrant(id, secret).then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", secret)
                .formParam("scope", "applications:write").post("/api/v1/auth/token").then().statusCode(400)
                .body("code", equalTo("invalid-scope"));

        body.put("kind", "kiosk");
        asAdmin().body(body).put("/api/v1/api-clients/" + id).then().statusCode(400)
                .body("errors.field", hasItem("kind")).body("errors.code", hasItem("immutable"));
        body.put("kind", "integrator");
        body.put("clientId", "other-name");
        asAdmin().body(body).put("/api/v1/api-clients/" + id).then().statusCode(400)
                .body("errors.field", hasItem("clientId"));
        asAdmin().body(integrator(id)).put("/api/v1/api-clients/no-such-client").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse graphql(String token, String query) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql").then();
    }

    @Test
    void graphqlHasTheSameOperationsAndRules() {
        String id = randomName("oss");
        String admin = TestTokens.admin();
        String created = "mutation { createApiClient(input: {clientId: \"" + id + "\", name: \"Dasbor Provinsi\", "
                + "kind: \"integrator\", scopes: [\"applications:read\"], agencyCode: \"DPMPTSP-BDG\"}) "
                + "{ clientSecret client { clientId scopes agencyCode active } } }";
        String secret = graphql(admin, created).statusCode(200)
                .body("data.createApiClient.client.scopes", equalTo(List.of("applications:read")))
                .body("data.createApiClient.client.agencyCode", equalTo("DPMPTSP-BDG"))
                .extract().path("data.createApiClient.clientSecret");
        String token = token(id, secret);
        graphql(admin, "{ apiClient(clientId: \"" + id + "\") { clientId kind active } }").statusCode(200)
                .body("data.apiClient.kind", equalTo("integrator"));
        graphql(admin, "{ apiClients(kind: \"integrator\", first: 200) { items { clientId } nextCursor } }")
                .statusCode(200).body("data.apiClients.items.clientId", hasItem(id));

        graphql(admin, "mutation { createApiClient(input: {clientId: \"" + randomName("oss") + "\", name: \"X\", "
                + "kind: \"integrator\", scopes: [\"everything\"]}) { clientSecret } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql(token, "{ apiClients { items { clientId } } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(TestTokens.staff(Roles.SUPERVISOR, null, "MPP-BDG"), "mutation { revokeApiClient(clientId: \"" + id
                + "\") { active } }").statusCode(200).body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(admin, "{ apiClients(first: 0) { items { clientId } } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("validation-failed"));

        String rotated = graphql(admin, "mutation { rotateApiClientSecret(clientId: \"" + id + "\", graceSeconds: 0) "
                + "{ clientSecret } }").statusCode(200).extract().path("data.rotateApiClientSecret.clientSecret");
        me(token).then().statusCode(401);
        token = token(id, rotated);
        graphql(admin, "mutation { updateApiClient(clientId: \"" + id + "\", input: {name: \"Dasbor\", "
                + "scopes: [\"applications:read\", \"webhooks:manage\"]}) { scopes agencyCode } }").statusCode(200)
                .body("data.updateApiClient.scopes", containsInAnyOrder("applications:read", "webhooks:manage"))
                .body("data.updateApiClient.agencyCode", nullValue());
        graphql(admin, "mutation { revokeApiClient(clientId: \"" + id + "\") { active revokedAt } }").statusCode(200)
                .body("data.revokeApiClient.active", equalTo(false));
        graphql(admin, "mutation { revokeApiClient(clientId: \"" + id + "\") { active } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("api-client-revoked"));
        graphql(admin, "{ apiClientCalls(clientId: \"" + id + "\", status: 600) { items { path } } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("validation-failed"));
    }
}
