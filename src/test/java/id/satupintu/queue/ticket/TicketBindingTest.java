package id.satupintu.queue.ticket;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.SAMSAT;
import static id.satupintu.queue.QueueFixtures.graphql;
import static id.satupintu.queue.QueueFixtures.issue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client bound to an agency issues tickets only for that agency's services, on every channel it may
 * use, with the answer a bound client gets when it files an application for another agency. Through the
 * demo's MPP Bandung, whose lanes queue many agencies' services side by side, and real client tokens.
 */
@QuarkusTest
class TicketBindingTest {

    static final String SITE = "MPP-BDG";
    /** Persetujuan Bangunan Gedung, a DPMPTSP Bandung service queued in the demo's lane C. */
    static final String PBG = "DPMPTSP-PBG";

    @Test
    void theDemoSamsatDriveThruIssuesOnlySamsatServices() {
        String driveThru = clientToken("drive-thru-samsat-bdg", "drivethru-demo-secret-2025");
        issue(SITE, driveThru, "DRIVE_THRU", KTP, null).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("client-binding-excludes"))
                .body("detail", containsString("DISDUKCAPIL-BDG"));
        issue(SITE, driveThru, "DRIVE_THRU", SAMSAT, null).then().statusCode(201).body("lane", equalTo("S"));
    }

    @Test
    void anIntegratorBoundToDpmptspIssuesOnlyDpmptspServicesOverRestAndGraphQL() {
        String clientId = "dpmptsp-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Sistem antrian DPMPTSP (uji)", "kind", "integrator",
                        "scopes", List.of(Scopes.QUEUE_ISSUE), "agencyCode", "DPMPTSP-BDG"))
                .post("/api/v1/api-clients").then().statusCode(201).extract().path("clientSecret");
        String integrator = clientToken(clientId, secret);

        issue(SITE, integrator, "INTEGRATOR", KTP, null).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("client-binding-excludes"));
        issue(SITE, integrator, "INTEGRATOR", PBG, null).then().statusCode(201).body("lane", equalTo("C"));

        String mutation = "mutation($site: String!, $service: String!) { issueTicket(site: $site, "
                + "input: {serviceCode: $service, channel: INTEGRATOR}) { number } }";
        graphql(integrator, mutation, Map.of("site", SITE, "service", KTP))
                .body("data.issueTicket", nullValue())
                .body("errors[0].extensions.code", equalTo("client-binding-excludes"))
                .body("errors[0].extensions.status", equalTo(403));
        graphql(integrator, mutation, Map.of("site", SITE, "service", PBG))
                .body("errors", nullValue()).body("data.issueTicket.number", startsWith("C-"));
    }

    private static String clientToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
