package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions that chose the Standard Webhooks scheme, checked by a receiver written from the
 * specification alone (standard-webhooks/standard-webhooks, spec/standard-webhooks.md, version 1.0.0):
 * {@link #verify} uses no service code and nothing of docs/api/integrations.md. Also the
 * specification's status handling: 410 Gone disables the subscription, a 429/503 Retry-After is
 * honoured within the bounded backoff. (Test config: 4 attempts, backoff 200 ms to 1 s.)
 */
@QuarkusTest
class StandardWebhooksTest {

    static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    private final List<String[]> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(s -> WebhookFixtures.unsubscribe(s[0], s[1]));
        subscriptions.clear();
    }

    // ---- A receiver from the specification alone ----

    /**
     * "Verifying signatures": the content signed is {@code {msg_id}.{timestamp}.{payload}}; the
     * symmetric key is the base64 secret after {@code whsec_}; {@code webhook-signature} is a space
     * delimited list of {@code v1,<base64>}, any of which may match, compared in constant time; the
     * timestamp must be within a tolerance of now.
     */
    static boolean verify(String secret, String id, String timestamp, String signatures, byte[] payload, Instant now)
            throws Exception {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sentAt) > 5 * 60) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(payload));
        for (String versioned : signatures.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma > 0 && versioned.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, versioned.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    static boolean verify(String secret, WebhookReceiver.Received got, Instant now) throws Exception {
        return verify(secret, got.header("webhook-id"), got.header("webhook-timestamp"), got.header("webhook-signature"),
                got.body(), now);
    }

    // ---- helpers ----

    private static String path() {
        return "/std/" + UUID.randomUUID();
    }

    private String[] subscribe(String client, String url, String scheme) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", List.of("ticket.*"));
        if (scheme != null) {
            body.put("signatureScheme", scheme);
        }
        var created = given().auth().oauth2(client).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract();
        String[] sub = {created.path("id"), created.path("secret"), created.path("signatureScheme")};
        subscriptions.add(new String[] {client, sub[0]});
        return sub;
    }

    /** PUT of a ticket.* subscription to the url with the Standard Webhooks scheme; active unless told otherwise. */
    private static io.restassured.response.ValidatableResponse replace(String client, String id, String url, Boolean active) {
        Map<String, Object> change = new HashMap<>();
        change.put("url", url);
        change.put("eventTypes", List.of("ticket.*"));
        change.put("signatureScheme", "standard-webhooks");
        change.put("active", active);
        return given().auth().oauth2(client).contentType(ContentType.JSON).body(change)
                .put("/api/v1/webhooks/subscriptions/" + id).then();
    }

    private static Map<String, Object> subscription(String client, String id) {
        return given().auth().oauth2(client).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private static void sql(String statement, Object... args) {
        Arc.container().instance(Pool.class).get().preparedQuery(statement).execute(Tuple.from(args))
                .await().atMost(Duration.ofSeconds(10));
    }

    // ---- tests ----

    @Test
    void aStandardSubscriptionIsSignedAsTheSpecificationSays() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), "standard-webhooks");
        assertEquals("standard-webhooks", sub[2]);
        // whsec_ and standard base64 of at least 24 bytes (the specification's secret serialization).
        assertTrue(sub[1].startsWith("whsec_"));
        assertTrue(Base64.getDecoder().decode(sub[1].substring(6)).length >= 24);
        String ticket = office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        Instant now = Instant.now();
        assertTrue(verify(sub[1], got, now), "does not verify: " + got.headers());
        assertTrue(got.header("webhook-timestamp").matches("\\d+"));
        assertTrue(got.header("webhook-signature").matches("v1,[A-Za-z0-9+/]+={0,2}"), got.header("webhook-signature"));
        assertFalse(got.header("webhook-id").contains("."));
        // Another secret, a changed body, id or timestamp, an old or future timestamp: refused.
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertFalse(verify("whsec_" + Base64.getEncoder().encodeToString(otherKey), got, now));
        assertFalse(verify(sub[1], got.header("webhook-id"), got.header("webhook-timestamp"), got.header("webhook-signature"),
                got.text().replace(ticket, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8), now));
        assertFalse(verify(sub[1], got.header("webhook-id") + "1", got.header("webhook-timestamp"),
                got.header("webhook-signature"), got.body(), now));
        assertFalse(verify(sub[1], got, now.plusSeconds(600)));
        assertFalse(verify(sub[1], got, now.minusSeconds(600)));
        // Only the chosen scheme's signature; the id is the event's, as in the body.
        assertNull(got.header("SatuPintu-Signature"));
        assertEquals(got.header("SatuPintu-Event-Id"), got.header("webhook-id"));
        assertTrue(got.text().contains("\"id\":\"" + got.header("webhook-id") + "\""));
    }

    @Test
    void theDefaultSchemeIsUnchangedAndItsSecretServesTheStandardOneToo() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), null);
        assertEquals("satupintu", sub[2]);
        office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertTrue(WebhookReceiver.verify(sub[1], got.header("SatuPintu-Signature"), got.body()));
        assertNull(got.header("webhook-signature"));
        // Switching the scheme keeps the secret: a standard receiver verifies with the same one.
        replace(client, sub[0], receiver.url(path), null).statusCode(200)
                .body("signatureScheme", equalTo("standard-webhooks"));
        office.ticket();
        WebhookReceiver.Received next = receiver.next(path, 10);
        assertTrue(verify(sub[1], next, Instant.now()));
    }

    @Test
    void afterARotationBothSecretsSignSpaceSeparated() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), "standard-webhooks");
        String fresh = given().auth().oauth2(client).post("/api/v1/webhooks/subscriptions/" + sub[0] + "/secret")
                .then().statusCode(200).extract().path("secret");
        office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertEquals(2, got.header("webhook-signature").split(" ").length, got.header("webhook-signature"));
        assertTrue(verify(sub[1], got, Instant.now()), "the old secret still verifies during the grace period");
        assertTrue(verify(fresh, got, Instant.now()), "the new secret verifies");
    }

    @Test
    void badSchemesAre400AndAnOldStyleSecretMustBeRotatedFirst() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        for (Object bad : List.of("hmac", "", "standard-webhooks\u0000", "x".repeat(10_000))) {
            Map<String, Object> body = new HashMap<>();
            body.put("url", receiver.url(path()));
            body.put("eventTypes", List.of("ticket.*"));
            body.put("signatureScheme", bad);
            given().auth().oauth2(client).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks/subscriptions")
                    .then().statusCode(400).body("errors.field", contains("signatureScheme"));
        }
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body("{\"url\":\"" + receiver.url(path()) + "\",\"eventTypes\":[\"ticket.*\"],\"signatureScheme\":{\"a\":1}}")
                .post("/api/v1/webhooks/subscriptions").then().statusCode(400);
        // A subscription whose secret was made before secrets were standard base64 (base64url, '-' and '_').
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), null);
        String old = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {-5, -17, -1, 62, 63, 1, 2, 3,
                4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
        sql("update webhook_subscription set secret_encrypted = $2 where id = $1", UUID.fromString(sub[0]),
                Arc.container().instance(PersonalDataProtection.class).get().encrypt(old));
        replace(client, sub[0], receiver.url(path), null).statusCode(409)
                .body("code", equalTo("webhook-secret-not-standard"));
        assertEquals("satupintu", subscription(client, sub[0]).get("signatureScheme"));
        // Rotated, it may switch; the old secret is not used for standard signatures (it could not verify).
        String fresh = given().auth().oauth2(client).post("/api/v1/webhooks/subscriptions/" + sub[0] + "/secret")
                .then().statusCode(200).extract().path("secret");
        replace(client, sub[0], receiver.url(path), null).statusCode(200);
        office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertEquals(1, got.header("webhook-signature").split(" ").length);
        assertTrue(verify(fresh, got, Instant.now()));
    }

    @Test
    void a410DisablesTheSubscriptionVisiblyUntilItsOwnerEnablesItAgain() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        AtomicInteger calls = new AtomicInteger();
        receiver.plan(path, () -> calls.incrementAndGet() == 1 ? 410 : 200);
        String[] sub = subscribe(client, receiver.url(path), "standard-webhooks");
        office.ticket();
        WebhookReceiver.Received first = receiver.next(path, 10);
        // Not retried, and events after it are not sent.
        assertEquals(List.of(), receiver.drain(path, 1500));
        Map<String, Object> seen = subscription(client, sub[0]);
        assertEquals(false, seen.get("active"));
        assertEquals("receiver-gone", seen.get("disabledReason"));
        given().auth().oauth2(client).get("/api/v1/webhooks/subscriptions/" + sub[0]).then()
                .body("disabledAt", notNullValue());
        office.ticket();
        assertEquals(List.of(), receiver.drain(path, 1200));
        // Its owner enables it: the delivery that met the 410 goes out again (same webhook-id), the flag clears.
        replace(client, sub[0], receiver.url(path), true).statusCode(200)
                .body("active", equalTo(true)).body("disabledReason", nullValue()).body("disabledAt", nullValue());
        WebhookReceiver.Received again = receiver.next(path, 10);
        assertEquals(first.header("webhook-id"), again.header("webhook-id"));
        assertEquals("2", again.header("SatuPintu-Delivery-Attempt"));
        assertTrue(verify(sub[1], again, Instant.now()));
    }

    @Test
    void retryAfterOf429And503IsHonouredButBounded() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        AtomicInteger calls = new AtomicInteger();
        // First 503 asking for 1 s (backoff alone would be 100-200 ms), then 429 asking for an hour
        // (bounded by retry-max-ms, 1 s in tests), then success.
        receiver.reply(path, () -> switch (calls.incrementAndGet()) {
            case 1 -> new WebhookReceiver.Reply(503, Map.of("Retry-After", "1"), null);
            case 2 -> new WebhookReceiver.Reply(429, Map.of("Retry-After", "3600"), null);
            default -> new WebhookReceiver.Reply(204, Map.of(), null);
        });
        subscribe(client, receiver.url(path), "standard-webhooks");
        office.ticket();
        WebhookReceiver.Received first = receiver.next(path, 10);
        WebhookReceiver.Received second = receiver.next(path, 10);
        WebhookReceiver.Received third = receiver.next(path, 10);
        long firstWait = (second.receivedAtNanos() - first.receivedAtNanos()) / 1_000_000;
        long secondWait = (third.receivedAtNanos() - second.receivedAtNanos()) / 1_000_000;
        assertTrue(firstWait >= 950, "Retry-After: 1 waited only " + firstWait + " ms");
        assertTrue(secondWait >= 950 && secondWait < 5000, "Retry-After: 3600 is bounded, waited " + secondWait + " ms");
        assertEquals(first.header("webhook-id"), third.header("webhook-id"));
        assertEquals(List.of(), receiver.drain(path, 500));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        assertEquals(120_000, WebhookDispatcher.retryAfterMs("120", now));
        assertEquals(30_000, WebhookDispatcher.retryAfterMs("Fri, 04 Dec 2026 10:00:30 GMT", now));
        assertEquals(0, WebhookDispatcher.retryAfterMs("Fri, 04 Dec 2026 09:00:00 GMT", now));
        assertEquals(0, WebhookDispatcher.retryAfterMs("soon", now));
        assertEquals(0, WebhookDispatcher.retryAfterMs(null, now));
        assertEquals(0, WebhookDispatcher.retryAfterMs("-5", now));
        assertTrue(WebhookDispatcher.retryAfterMs("99999999999999999999", now) > 0);
    }
}
