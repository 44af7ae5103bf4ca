package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Events to deliver: a fresh always-open site per test with one lane and one open counter, whose
 * tickets make events no other test's subscription (bound to its own site) hears.
 */
final class WebhookFixtures {

    static final String SERVICE = "DKB-KTP-EL";

    record Office(String site, String counterId, String staff) {

        /** A kiosk ticket: one ticket.issued event on the ticket's stream. Returns its id. */
        String ticket() {
            String kiosk = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "kiosk-t",
                    Set.of(Roles.KIOSK), null, site, Set.of(), true));
            return given().auth().oauth2(kiosk).contentType(ContentType.JSON)
                    .body(Map.of("serviceCode", SERVICE, "channel", "KIOSK"))
                    .post("/api/v1/sites/" + site + "/tickets").then().statusCode(201).extract().path("id");
        }

        /** Calls the next ticket: ticket.called on that ticket's stream. */
        void callNext() {
            given().auth().oauth2(staff).post("/api/v1/counters/" + counterId + "/call-next").then().statusCode(200);
        }
    }

    private WebhookFixtures() {
    }

    static Office office() {
        String admin = TestTokens.admin();
        String site = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> hours = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> Map.<String, Object>of("day", day.name(), "opens", "00:00", "closes", "23:59")).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", site);
        body.put("kind", "MPP");
        body.put("name", "MPP Webhook " + site);
        body.put("address", "Jl. Uji No. 2");
        body.put("city", "Bandung");
        body.put("provinceCode", "32");
        body.put("timeZone", "Asia/Jakarta");
        body.put("openingHours", hours);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/sites").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("prefix", "A", "name", "Jalur A", "serviceCodes", List.of(SERVICE), "dailyQuota", 500))
                .post("/api/v1/sites/" + site + "/lanes").then().statusCode(201);
        String counter = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("number", 1, "name", "Loket 1", "lanes", List.of("A")))
                .post("/api/v1/sites/" + site + "/counters").then().statusCode(201).extract().path("id");
        String staff = TestTokens.staff(Roles.COUNTER_STAFF, null, site);
        given().auth().oauth2(staff).post("/api/v1/counters/" + counter + "/open").then().statusCode(200);
        return new Office(site, counter, staff);
    }

    /**
     * A stored integrator client and a token of its current settings. An administrator changes or
     * revokes it through the API, as in production; each change ends the tokens issued before.
     */
    record Client(String id, String token, int generation, String agency, String site, Set<String> scopes) {

        /** The client_id TestTokens stores the client under. */
        String clientId() {
            return "t-" + id;
        }

        /** An administrator replaces the client's scopes and binding; returns the client with a fresh token. */
        Client change(String newAgency, String newSite, String... newScopes) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Klien webhook uji");
            body.put("scopes", List.of(newScopes));
            body.put("agencyCode", newAgency);
            body.put("siteCode", newSite);
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/api-clients/" + clientId()).then().statusCode(200);
            int next = generation + 1;
            return new Client(id, token(id, newAgency, newSite, Set.of(newScopes), next), next, newAgency, newSite,
                    Set.of(newScopes));
        }

        /** An administrator revokes the client for good. */
        void revoke() {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .post("/api/v1/api-clients/" + clientId() + "/revocation")
                    .then().statusCode(200);
        }

        private static String token(String id, String agency, String site, Set<String> scopes, int generation) {
            return Arc.container().instance(AccessTokenIssuer.class).get().issue(subject(id, agency, site, scopes),
                    generation);
        }
    }

    private static AccessTokenIssuer.Subject subject(String id, String agency, String site, Set<String> scopes) {
        return new AccessTokenIssuer.Subject(id, "hooks-" + id.substring(0, 8), Set.of(Roles.INTEGRATOR), agency, site,
                scopes, true);
    }

    /** A stored integrator client bound to a site (null: unbound) with these scopes. */
    static Client integrator(String site, String... scopes) {
        String id = UUID.randomUUID().toString();
        String token = TestTokens.issue(subject(id, null, site, Set.of(scopes)));
        return new Client(id, token, 0, null, site, Set.of(scopes));
    }

    /** The token of an integrator client bound to a site (null: unbound) with these scopes. */
    static String client(String site, String... scopes) {
        return integrator(site, scopes).token();
    }

    static String manager(String site) {
        return client(site, WebhookSubscriptions.MANAGE_SCOPE, "queue:read", "applications:read");
    }

    /** Subscribes; returns {id, secret}. */
    static String[] subscribe(String token, String url, String... types) {
        var response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(types)))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("secret")};
    }

    static void unsubscribe(String token, String id) {
        given().auth().oauth2(token).delete("/api/v1/webhooks/subscriptions/" + id);
    }
}
