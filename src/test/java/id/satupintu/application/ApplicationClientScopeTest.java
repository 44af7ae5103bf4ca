package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.file;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scopes and tenancy of API clients on the application endpoints. */
@QuarkusTest
class ApplicationClientScopeTest {

    private static String integrator(String id, String agency, String site, String... scopes) {
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, "oss-" + id.substring(0, 8), Set.of(Roles.INTEGRATOR),
                agency, site, Set.of(scopes), true));
    }

    private static Map<String, Object> business(ApplicationFixtures f) {
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("nib", "1234567890123");
        body.put("kbli", "41012");
        return body;
    }

    @Test
    void eachCallNeedsItsScope() {
        ApplicationFixtures f = new ApplicationFixtures();
        String none = integrator(UUID.randomUUID().toString(), null, null);
        file(none, business(f)).statusCode(403).body("code", equalTo("insufficient-scope"))
                .header("WWW-Authenticate", containsString("scope=\"applications:write\""))
                .body("detail", containsString("applications:write"));
        as(none).header("Accept-Language", "en").get("/api/v1/me/applications").then().statusCode(403)
                .body("code", equalTo("insufficient-scope")).body("title", equalTo("Scope not granted"));

        String writerId = UUID.randomUUID().toString();
        String writer = integrator(writerId, null, null, Scopes.APPLICATIONS_WRITE);
        String tn = file(writer, business(f)).statusCode(201).extract().path("trackingNumber");
        // Writing does not grant reading: every read of its own filing needs applications:read.
        as(writer).get("/api/v1/applications/" + tn).then().statusCode(403).body("code", equalTo("insufficient-scope"));
        as(writer).get("/api/v1/applications/" + tn + "/history").then().statusCode(403);
        as(writer).get("/api/v1/applications/" + tn + "/documents").then().statusCode(403);
        as(writer).get("/api/v1/me/applications").then().statusCode(403);

        String reader = integrator(writerId, null, null, Scopes.APPLICATIONS_READ);
        as(reader).get("/api/v1/applications/" + tn).then().statusCode(200).body("trackingNumber", equalTo(tn));
        as(reader).get("/api/v1/me/applications").then().statusCode(200).body("items.trackingNumber", hasItem(tn));
        as(reader).body(Map.of("action", "withdraw")).post("/api/v1/applications/" + tn + "/transitions").then()
                .statusCode(403).body("code", equalTo("insufficient-scope"));
        as(reader).body(business(f)).put("/api/v1/applications/" + tn).then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        // People are governed by their role, not by scopes.
        as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200);
    }

    @Test
    void aBoundClientFilesAndSeesOnlyItsAgency() {
        ApplicationFixtures f = new ApplicationFixtures();
        String id = UUID.randomUUID().toString();
        String elsewhere = integrator(id, "DISDUKCAPIL-BDG", null, Scopes.APPLICATIONS_READ, Scopes.APPLICATIONS_WRITE);
        file(elsewhere, business(f)).statusCode(403).body("code", equalTo("client-binding-excludes"));
        String otherSite = integrator(id, f.agency, "MPP-MKS", Scopes.APPLICATIONS_READ, Scopes.APPLICATIONS_WRITE);
        // Its own site by default, where this agency does not serve; another site explicitly: refused.
        file(otherSite, business(f)).statusCode(400).body("errors.code", hasItem("site-not-served"));
        Map<String, Object> atBandung = business(f);
        atBandung.put("siteCode", ApplicationFixtures.SITE);
        file(otherSite, atBandung).statusCode(403).body("code", equalTo("client-binding-excludes"));

        String bound = integrator(id, f.agency, ApplicationFixtures.SITE, Scopes.APPLICATIONS_READ,
                Scopes.APPLICATIONS_WRITE);
        String tn = file(bound, business(f)).statusCode(201).body("siteCode", equalTo(ApplicationFixtures.SITE))
                .extract().path("trackingNumber");
        as(bound).get("/api/v1/applications/" + tn).then().statusCode(200);
        // The same client, rebound to another agency, no longer reaches it: 404 as for a stranger.
        as(elsewhere).get("/api/v1/applications/" + tn).then().statusCode(404).body("code", equalTo("application-not-found"));
        // Another agency's or another filer's application: 404, never 403.
        String citizens = f.submitted();
        as(bound).get("/api/v1/applications/" + citizens).then().statusCode(404);
    }
}
