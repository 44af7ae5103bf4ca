package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Managing subscriptions: who may, what is refused, and the block on internal addresses. */
@QuarkusTest
class WebhookSubscriptionTest {

    private static final String GOOD_URL = "http://127.0.0.1:9/hook"; // allow-listed in tests, never called

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(Object url, Object types) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        // Paused: the target is never called, and later tests' events make no deliveries for it.
        body.put("active", false);
        return body;
    }

    private static String create(String token) {
        return as(token).body(body(GOOD_URL, List.of("application.*"))).post("/api/v1/webhooks/subscriptions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theOwnerCreatesListsReadsReplacesAndDeletes() {
        String client = WebhookFixtures.manager(null);
        String id = as(client).body(body(GOOD_URL, List.of("application.*", "ticket.called")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/webhooks/subscriptions/"))
                .body("secret", startsWith("whsec_")).body("active", equalTo(false))
                .body("eventTypes", equalTo(List.of("application.*", "ticket.called"))).extract().path("id");
        as(client).get("/api/v1/webhooks/subscriptions").then().statusCode(200)
                .body("id", hasItem(id)).body("secret", not(hasItem(startsWith("whsec_"))));
        as(client).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200).body("secret", nullValue());
        Map<String, Object> changed = body(GOOD_URL + "2", List.of("application.approve", "application.approve"));
        changed.put("active", true);
        as(client).body(changed).put("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo(GOOD_URL + "2")).body("active", equalTo(true))
                .body("eventTypes", equalTo(List.of("application.approve"))).body("secret", nullValue());
        as(client).delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(204);
        as(client).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404)
                .body("code", equalTo("webhook-subscription-not-found"));
    }

    @Test
    void onlyAnIntegratorWithWebhooksManageMayManage() {
        Map<String, Object> ok = body(GOOD_URL, List.of("application.*"));
        given().contentType(ContentType.JSON).body(ok).post("/api/v1/webhooks/subscriptions").then().statusCode(401);
        for (String token : List.of(WebhookFixtures.client(null, "applications:read"),
                TestTokens.admin(), TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", "MPP-BDG"),
                TestTokens.citizen(java.util.UUID.randomUUID().toString()))) {
            as(token).body(ok).post("/api/v1/webhooks/subscriptions").then().statusCode(403)
                    .body("code", equalTo("forbidden"));
            as(token).get("/api/v1/webhooks/subscriptions").then().statusCode(403);
        }
        // The family's read scope is needed too.
        String noQueue = WebhookFixtures.client(null, WebhookSubscriptions.MANAGE_SCOPE, "applications:read");
        as(noQueue).header("Accept-Language", "en").body(body(GOOD_URL, List.of("application.*", "ticket.*")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(403)
                .body("code", equalTo("webhook-scope-missing"))
                .body("detail", equalTo("Subscribing to ticket.* requires scope queue:read."));
    }

    @Test
    void anotherClientsSubscriptionIsNotFound() {
        String owner = WebhookFixtures.manager(null);
        String stranger = WebhookFixtures.manager(null);
        String id = create(owner);
        as(stranger).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        as(stranger).body(body(GOOD_URL, List.of("application.*"))).put("/api/v1/webhooks/subscriptions/" + id)
                .then().statusCode(404);
        as(stranger).post("/api/v1/webhooks/subscriptions/" + id + "/secret").then().statusCode(404);
        as(stranger).delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        as(stranger).get("/api/v1/webhooks/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        as(owner).get("/api/v1/webhooks/subscriptions/not-a-uuid").then().statusCode(404);
        as(owner).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void badInputIsAClearProblem() {
        String client = WebhookFixtures.manager(null);
        String url = "/api/v1/webhooks/subscriptions";
        as(client).body(body(null, List.of("application.*"))).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        as(client).body(body(GOOD_URL, null)).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        as(client).body(body(GOOD_URL, List.of())).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        as(client).body(body(GOOD_URL, List.of("application.*", "APPLICATION", "application.%"))).post(url).then()
                .statusCode(400).body("errors.field", equalTo(List.of("eventTypes[1]", "eventTypes[2]")));
        as(client).body(body(GOOD_URL, List.of("secret.*"))).post(url).then().statusCode(400)
                .body("errors[0].code", equalTo("webhook-unknown-event-family"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("application.step" + i);
        }
        as(client).body(body(GOOD_URL, many)).post(url).then().statusCode(400);
        as(client).body(body(GOOD_URL, "application.*")).post(url).then().statusCode(400);
        as(client).body(body(List.of(1), List.of("application.*"))).post(url).then().statusCode(400);
        as(client).body("{\"url\":").post(url).then().statusCode(400).body("code", equalTo("malformed-json"));
        as(client).post(url).then().statusCode(400);
        as(client).body(body("https://example.org/" + "x".repeat(2000), List.of("application.*"))).post(url).then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        for (String bad : List.of("not a url", "ftp://example.org/x", "/relative", "https://user:pw@example.org/x",
                "https://example.org/x#frag")) {
            as(client).body(body(bad, List.of("application.*"))).post(url).then().statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(client).contentType(ContentType.TEXT).body("x").post(url).then().statusCode(415);
    }

    @Test
    void internalAddressesAreRefused() {
        String client = WebhookFixtures.manager(null);
        for (String internal : List.of("https://localhost/hook", "https://10.1.2.3/hook", "https://192.168.1.1/hook",
                "https://172.16.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://[::ffff:127.0.0.1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
                "https://100.64.0.1/hook", "https://127.0.0.2/hook")) {
            as(client).header("Accept-Language", "en").body(body(internal, List.of("application.*")))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                    .body("code", equalTo("webhook-target-not-allowed"));
        }
        // Plain http only for allow-listed hosts; a name that does not resolve is refused.
        as(client).body(body("http://example.org/hook", List.of("application.*")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                .body("code", equalTo("webhook-https-required"));
        as(client).body(body("https://no-such-host.invalid/hook", List.of("application.*")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                .body("code", equalTo("webhook-target-unresolvable"));
        // Changing an existing subscription to an internal address is refused too.
        String id = create(client);
        as(client).body(body("https://169.254.169.254/", List.of("application.*")))
                .put("/api/v1/webhooks/subscriptions/" + id).then().statusCode(422);
        as(client).get("/api/v1/webhooks/subscriptions/" + id).then().body("url", equalTo(GOOD_URL));
    }

    @Test
    void ipv6FormsThatEmbedAnInternalIpv4AddressAreRefused() {
        String client = WebhookFixtures.manager(null);
        for (String internal : List.of(
                "https://[::127.0.0.1]/hook",          // IPv4-compatible
                "https://[::ffff:0:7f00:1]/hook",      // IPv4-translated (SIIT)
                "https://[::ffff:0:a00:1]/hook",
                "https://[64:ff9b::7f00:1]/hook",      // NAT64 well-known prefix
                "https://[64:ff9b::c0a8:101]/hook",
                "https://[64:ff9b:1::808:808]/hook",   // NAT64 local-use prefix: inside the network
                "https://[2002:7f00:1::1]/hook",       // 6to4
                "https://[2002:a9fe:a9fe::]/latest/meta-data")) {
            as(client).header("Accept-Language", "en").body(body(internal, List.of("application.*")))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                    .body("code", equalTo("webhook-target-not-allowed"));
        }
    }

    @Test
    void parallelCreatesStopAtTheLimit() throws Exception {
        String client = WebhookFixtures.manager(null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < WebhookSubscriptions.MAX_SUBSCRIPTIONS_PER_CLIENT + 10; i++) {
                calls.add(() -> as(client).body(body(GOOD_URL, List.of("application.*")))
                        .post("/api/v1/webhooks/subscriptions").statusCode());
            }
            int created = 0;
            for (Future<Integer> result : pool.invokeAll(calls)) {
                int status = result.get();
                if (status == 201) {
                    created++;
                } else {
                    assertEquals(409, status);
                }
            }
            assertEquals(WebhookSubscriptions.MAX_SUBSCRIPTIONS_PER_CLIENT, created);
            assertEquals(WebhookSubscriptions.MAX_SUBSCRIPTIONS_PER_CLIENT,
                    as(client).get("/api/v1/webhooks/subscriptions").then().extract().jsonPath().getList("id").size());
        } finally {
            pool.shutdownNow();
        }
    }
}
