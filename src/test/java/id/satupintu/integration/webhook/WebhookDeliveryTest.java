package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries as a receiver sees them: signed as docs/api/integrations.md documents, retried when it fails, in order
 * per object, dead after the last attempt and replayed by an admin; only the client's own site.
 * (Test config: 4 attempts, backoff from 200 ms, allow-list 127.0.0.1.)
 */
@QuarkusTest
class WebhookDeliveryTest {

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

    /** Subscribes and remembers the subscription for deletion after the test. */
    private String[] subscribe(String client, String url, String... types) {
        String[] sub = WebhookFixtures.subscribe(client, url, types);
        subscriptions.add(new String[] {client, sub[0]});
        return sub;
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(s -> WebhookFixtures.unsubscribe(s[0], s[1]));
        subscriptions.clear();
    }

    private static String path() {
        return "/hook/" + UUID.randomUUID();
    }

    @Test
    void aDeliveryIsSignedAsDocumentedAndCarriesTheEvent() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), "ticket.*");
        assertTrue(sub[1].startsWith("whsec_"));
        String ticket = office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertTrue(WebhookReceiver.verify(sub[1], got.header("SatuPintu-Signature"), got.body()),
                "signature does not verify: " + got.header("SatuPintu-Signature"));
        assertFalse(WebhookReceiver.verify("whsec_wrong", got.header("SatuPintu-Signature"), got.body()));
        byte[] tampered = got.text().replace(ticket, UUID.randomUUID().toString()).getBytes();
        assertFalse(WebhookReceiver.verify(sub[1], got.header("SatuPintu-Signature"), tampered));
        assertTrue(got.header("SatuPintu-Signature").matches("t=\\d+,v1=[0-9a-f]{64}"));
        assertTrue(got.header("Content-Type").startsWith("application/json"));
        JsonObject body = new JsonObject(got.text());
        assertEquals(got.header("SatuPintu-Event-Id"), body.getString("id"));
        assertEquals("ticket.issued", body.getString("type"));
        assertEquals("ticket.issued", got.header("SatuPintu-Event-Type"));
        assertEquals("1", got.header("SatuPintu-Delivery-Attempt"));
        assertEquals(ticket, body.getJsonObject("data").getString("ticketId"));
        assertEquals(office.site(), body.getJsonObject("data").getString("siteCode"));
        // The board copy of the same event is not delivered a second time.
        assertEquals(List.of(), receiver.drain(path, 700));
    }

    @Test
    void aFailingReceiverGetsRetriesAndLaterEventsOfTheObjectWaitInOrder() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        AtomicInteger calls = new AtomicInteger();
        // Fails twice, then recovers.
        receiver.plan(path, () -> calls.incrementAndGet() <= 2 ? 503 : 204);
        String[] sub = subscribe(client, receiver.url(path), "ticket.*");
        office.ticket();
        office.callNext(); // ticket.called on the same ticket's stream, while ticket.issued is retrying
        List<WebhookReceiver.Received> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(receiver.next(path, 15));
        }
        List<String> seen = got.stream().map(r -> r.header("SatuPintu-Event-Type") + "#"
                + r.header("SatuPintu-Delivery-Attempt")).toList();
        assertEquals(List.of("ticket.issued#1", "ticket.issued#2", "ticket.issued#3", "ticket.called#1"), seen);
        assertEquals(got.get(0).header("SatuPintu-Event-Id"), got.get(2).header("SatuPintu-Event-Id"));
        assertTrue(Long.parseLong(got.get(3).header("SatuPintu-Event-Id"))
                > Long.parseLong(got.get(0).header("SatuPintu-Event-Id")));
        // Backoff: the second retry waited longer than nothing.
        assertTrue(got.get(1).receivedAtNanos() - got.get(0).receivedAtNanos() >= 90_000_000L);
        for (WebhookReceiver.Received r : got) {
            assertTrue(WebhookReceiver.verify(sub[1], r.header("SatuPintu-Signature"), r.body()));
        }
        assertEquals(List.of(), receiver.drain(path, 700));
    }

    @Test
    void aDeliveryThatNeverSucceedsGoesDeadAndAnAdminReplaysIt() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        AtomicInteger status = new AtomicInteger(500);
        receiver.plan(path, status::get);
        String[] sub = subscribe(client, receiver.url(path), "ticket.issued");
        String admin = TestTokens.admin();
        office.ticket();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(Integer.toString(attempt), receiver.next(path, 15).header("SatuPintu-Delivery-Attempt"));
        }
        JsonPath dead = awaitDeadLetter(admin, sub[0]);
        assertEquals(1, dead.getList("items").size());
        long deliveryId = dead.getLong("items[0].id");
        assertEquals("ticket.issued", dead.getString("items[0].eventType"));
        assertEquals(4, dead.getInt("items[0].attempts"));
        assertEquals(500, dead.getInt("items[0].lastStatus"));
        assertEquals(List.of(), receiver.drain(path, 1500), "a dead delivery is not retried");

        // Not for the client itself, nor for staff.
        given().auth().oauth2(client).get("/api/v1/webhooks/dead-letters").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(client).post("/api/v1/webhooks/dead-letters/" + deliveryId + "/replay")
                .then().statusCode(403);
        given().get("/api/v1/webhooks/dead-letters").then().statusCode(401);

        status.set(200);
        given().auth().oauth2(admin).post("/api/v1/webhooks/dead-letters/" + deliveryId + "/replay")
                .then().statusCode(202);
        WebhookReceiver.Received replayed = receiver.next(path, 10);
        assertEquals("1", replayed.header("SatuPintu-Delivery-Attempt"));
        assertTrue(WebhookReceiver.verify(sub[1], replayed.header("SatuPintu-Signature"), replayed.body()));
        // Delivered now: no longer a dead letter, and replaying it again is a conflict.
        awaitNoDeadLetter(admin, sub[0]);
        given().auth().oauth2(admin).header("Accept-Language", "en")
                .post("/api/v1/webhooks/dead-letters/" + deliveryId + "/replay")
                .then().statusCode(409).body("code", equalTo("webhook-delivery-not-dead"));
        given().auth().oauth2(admin).post("/api/v1/webhooks/dead-letters/999999999/replay")
                .then().statusCode(404).body("code", equalTo("webhook-delivery-not-found"));
        given().auth().oauth2(admin).post("/api/v1/webhooks/dead-letters/abc/replay")
                .then().statusCode(404);
        given().auth().oauth2(admin).queryParam("subscription", "nope").get("/api/v1/webhooks/dead-letters")
                .then().statusCode(400).body("errors[0].field", equalTo("subscription"));
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/v1/webhooks/dead-letters")
                .then().statusCode(400);
        given().auth().oauth2(admin).queryParam("cursor", "%%%").get("/api/v1/webhooks/dead-letters")
                .then().statusCode(400).body("code", equalTo("invalid-cursor"));
    }

    @Test
    void aSiteBoundClientHearsOnlyItsSite() throws Exception {
        WebhookFixtures.Office mine = WebhookFixtures.office();
        WebhookFixtures.Office other = WebhookFixtures.office();
        String client = WebhookFixtures.manager(mine.site());
        String unbound = WebhookFixtures.manager(null);
        String path = path();
        String unboundPath = path();
        String[] sub = subscribe(client, receiver.url(path), "ticket.*");
        String[] all = subscribe(unbound, receiver.url(unboundPath), "ticket.issued");
        assertEquals(mine.site(), given().auth().oauth2(client).get("/api/v1/webhooks/subscriptions/" + sub[0])
                .then().statusCode(200).extract().path("siteCode"));
        String foreign = other.ticket();
        String own = mine.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertEquals(own, new JsonObject(got.text()).getJsonObject("data").getString("ticketId"));
        assertEquals(List.of(), receiver.drain(path, 1000), "another site's ticket reached a site-bound client");
        // An unbound client hears both (and more, from other tests).
        List<String> heard = new ArrayList<>();
        long until = System.currentTimeMillis() + 10_000;
        while (!(heard.contains(own) && heard.contains(foreign)) && System.currentTimeMillis() < until) {
            WebhookReceiver.Received r = receiver.queue(unboundPath).poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r != null) {
                heard.add(new JsonObject(r.text()).getJsonObject("data").getString("ticketId"));
            }
        }
        assertTrue(heard.contains(own) && heard.contains(foreign), "unbound client heard " + heard);
    }

    @Test
    void afterARotationBothSecretsSignDuringTheGracePeriod() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), "ticket.issued");
        String rotated = given().auth().oauth2(client).post("/api/v1/webhooks/subscriptions/" + sub[0] + "/secret")
                .then().statusCode(200).body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        assertNotEquals(sub[1], rotated);
        office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        String header = got.header("SatuPintu-Signature");
        assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), header);
        assertTrue(WebhookReceiver.verify(rotated, header, got.body()));
        assertTrue(WebhookReceiver.verify(sub[1], header, got.body()));
    }

    @Test
    void aPausedSubscriptionHoldsItsDeliveriesUntilResumed() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        String client = WebhookFixtures.manager(office.site());
        String path = path();
        String[] sub = subscribe(client, receiver.url(path), "ticket.issued");
        given().auth().oauth2(client).contentType("application/json")
                .body(java.util.Map.of("url", receiver.url(path), "eventTypes", List.of("ticket.*"), "active", false))
                .put("/api/v1/webhooks/subscriptions/" + sub[0]).then().statusCode(200).body("active", equalTo(false));
        office.ticket();
        assertEquals(List.of(), receiver.drain(path, 1000));
    }

    private static JsonPath awaitDeadLetter(String admin, String subscription) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        JsonPath page;
        do {
            page = given().auth().oauth2(admin).queryParam("subscription", subscription)
                    .get("/api/v1/webhooks/dead-letters").then().statusCode(200).extract().jsonPath();
            if (!page.getList("items").isEmpty()) {
                return page;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("no dead letter for " + subscription);
    }

    private static void awaitNoDeadLetter(String admin, String subscription) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            if (given().auth().oauth2(admin).queryParam("subscription", subscription)
                    .get("/api/v1/webhooks/dead-letters").then().statusCode(200).extract().jsonPath()
                    .getList("items").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dead letter of " + subscription + " still listed after replay");
    }
}
