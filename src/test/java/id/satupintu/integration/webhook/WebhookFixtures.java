package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
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

    /** An integrator client bound to a site (null: unbound) with these scopes. */
    static String client(String site, String... scopes) {
        String id = UUID.randomUUID().toString();
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, "hooks-" + id.substring(0, 8),
                Set.of(Roles.INTEGRATOR), null, site, Set.of(scopes), true));
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
