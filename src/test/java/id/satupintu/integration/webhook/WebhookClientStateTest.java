package id.satupintu.integration.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A delivery carries only what its client could read over HTTP when it is sent: the client's state,
 * scopes and binding of that moment decide, not what they were when it subscribed. An administrator
 * changes the client through the API while a receiver listens.
 */
@QuarkusTest
class WebhookClientStateTest {

    static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    private static String path() {
        return "/hook/" + UUID.randomUUID();
    }

    /** Status and skip reason of each delivery of the subscription, oldest first. */
    private static List<String> deliveries(String subscription) {
        List<String> found = new ArrayList<>();
        Arc.container().instance(Pool.class).get().preparedQuery("""
                        select status, skip_reason from webhook_delivery where subscription_id = $1::uuid order by id""")
                .execute(Tuple.of(subscription)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> found.add(row.getString(0) + (row.getString(1) == null ? "" : " " + row.getString(1))));
        return found;
    }

    @Test
    void aRevokedClientsSubscriptionReceivesNothingFurther() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        WebhookFixtures.Client client = WebhookFixtures.integrator(office.site(), Scopes.WEBHOOKS_MANAGE, Scopes.QUEUE_READ);
        String path = path();
        AtomicBoolean revokeNow = new AtomicBoolean();
        CountDownLatch revoked = new CountDownLatch(1);
        // The second delivery fails, and the client is revoked while it waits for its retry: the
        // administrator acts before the receiver answers, so the retry is due only after revocation.
        receiver.plan(path, () -> {
            if (revokeNow.compareAndSet(true, false)) {
                client.revoke();
                revoked.countDown();
                return 503;
            }
            return 200;
        });
        String subscription = WebhookFixtures.subscribe(client.token(), receiver.url(path), "ticket.*")[0];
        office.ticket();
        assertEquals("1", receiver.next(path, 10).header("SatuPintu-Delivery-Attempt"), "an active client hears");
        revokeNow.set(true);
        office.ticket();
        assertEquals("1", receiver.next(path, 10).header("SatuPintu-Delivery-Attempt"));
        assertTrue(revoked.await(10, TimeUnit.SECONDS));
        office.ticket(); // after revocation
        assertEquals(List.of(), receiver.drain(path, 2500), "a revoked client still received deliveries");
        // The pending retry was skipped, not sent nor dead-lettered as a failure; the event after
        // revocation made no delivery at all.
        assertEquals(List.of("DELIVERED", "SKIPPED client-revoked"), deliveries(subscription));
        given().auth().oauth2(TestTokens.admin()).queryParam("subscription", subscription)
                .get("/api/v1/webhooks/dead-letters").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aClientThatLosesAReadScopeHearsNothingOfThatFamily() throws Exception {
        WebhookFixtures.Office office = WebhookFixtures.office();
        WebhookFixtures.Client client = WebhookFixtures.integrator(office.site(), Scopes.WEBHOOKS_MANAGE,
                Scopes.QUEUE_READ, Scopes.APPLICATIONS_READ);
        String path = path();
        String subscription = WebhookFixtures.subscribe(client.token(), receiver.url(path), "ticket.*")[0];
        office.ticket();
        receiver.next(path, 10);

        WebhookFixtures.Client narrowed = client.change(null, office.site(), Scopes.WEBHOOKS_MANAGE,
                Scopes.APPLICATIONS_READ);
        office.ticket();
        office.callNext();
        assertEquals(List.of(), receiver.drain(path, 2000), "ticket events reached a client without queue:read");
        // The second ticket's issue, the first one's call, and the second one's "turn is near" that call brings.
        assertEquals(List.of("DELIVERED", "SKIPPED scope-missing", "SKIPPED scope-missing", "SKIPPED scope-missing"),
                deliveries(subscription));

        // Granted again: what happens from then on is heard, what happened without the scope is not.
        WebhookFixtures.Client granted = narrowed.change(null, office.site(), Scopes.WEBHOOKS_MANAGE,
                Scopes.QUEUE_READ);
        String ticket = office.ticket();
        WebhookReceiver.Received got = receiver.next(path, 10);
        assertEquals(ticket, new JsonObject(got.text()).getJsonObject("data").getString("ticketId"));
        assertEquals(List.of(), receiver.drain(path, 700));
        WebhookFixtures.unsubscribe(granted.token(), subscription);
    }

    @Test
    void aClientBoundToAnAgencyAfterSubscribingHearsOnlyThatAgency() throws Exception {
        String mine = CatalogFixtures.newCode("WHA");
        String other = CatalogFixtures.newCode("WHB");
        String mineService = CatalogFixtures.newCode("WHSA");
        String otherService = CatalogFixtures.newCode("WHSB");
        CatalogFixtures.createAgency(mine, "MPP-BDG");
        CatalogFixtures.createAgency(other, "MPP-BDG");
        CatalogFixtures.createService(CatalogFixtures.service(mineService, mine, "NONPERIZINAN", CatalogFixtures.standard()));
        CatalogFixtures.createService(CatalogFixtures.service(otherService, other, "NONPERIZINAN", CatalogFixtures.standard()));
        WebhookFixtures.Client client = WebhookFixtures.integrator(null, Scopes.WEBHOOKS_MANAGE, Scopes.APPLICATIONS_READ);
        String path = path();
        // Only drafts being opened: no scheduled job makes such events while the client is unbound.
        String subscription = WebhookFixtures.subscribe(client.token(), receiver.url(path), "application.create")[0];

        WebhookFixtures.Client bound = client.change(mine, null, Scopes.WEBHOOKS_MANAGE, Scopes.APPLICATIONS_READ);
        String filer = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "filer",
                Set.of(Roles.INTEGRATOR), null, null, Set.of(Scopes.APPLICATIONS_WRITE), true));
        draft(filer, otherService);
        String own = draft(filer, mineService);
        JsonObject got = new JsonObject(receiver.next(path, 10).text());
        assertEquals(own, got.getJsonObject("data").getString("trackingNumber"));
        assertEquals(mine, got.getJsonObject("data").getString("agencyCode"));
        assertEquals(List.of(), receiver.drain(path, 1500), "another agency's application reached an agency-bound client");
        // The subscription shows the binding that decides, the client's current one.
        given().auth().oauth2(bound.token()).get("/api/v1/webhooks/subscriptions/" + subscription).then()
                .statusCode(200).body("agencyCode", org.hamcrest.Matchers.equalTo(mine));
        WebhookFixtures.unsubscribe(bound.token(), subscription);
    }

    /** An integrator opens a draft of the service; returns its tracking number. */
    private static String draft(String filer, String service) {
        return given().auth().oauth2(filer).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "draft", true, "nib", "8120000000001"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("trackingNumber");
    }
}
