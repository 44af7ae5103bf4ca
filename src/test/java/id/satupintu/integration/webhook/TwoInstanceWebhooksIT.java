package id.satupintu.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.PackagedInstances;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service deliver the webhooks of one subscription to one receiver:
 * both claim deliveries, yet every event arrives exactly once, and each object's in order.
 */
class TwoInstanceWebhooksIT {

    private static final int STREAMS = 40;
    private static final int EVENTS_PER_STREAM = 10;

    private PackagedInstances instances;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() throws Exception {
        if (instances != null) {
            instances.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void eachEventIsDeliveredOnceAcrossTwoReplicas() throws Exception {
        receiver = new WebhookReceiver();
        // Slow answers keep deliveries in flight on both replicas at once.
        receiver.plan("/it", () -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        instances = new PackagedInstances(Map.of("SATUPINTU_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                "SATUPINTU_WEBHOOKS_CONCURRENCY", "8"));
        PackagedInstances.Instance first = instances.start();
        PackagedInstances.Instance second = instances.start();
        instances.awaitReady(first);
        instances.awaitReady(second);

        String token = instances.clientToken(first, "oss-integrator", "oss-demo-secret-2025");
        HttpResponse<String> created = instances.http().send(HttpRequest.newBuilder(
                        URI.create(second.url("/api/v1/webhooks/subscriptions")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("url", receiver.url("/it"))
                        .put("eventTypes", List.of("application.it-probe")).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject subscription = new JsonObject(created.body());

        // Events appended as EventLog does (the NOTIFY trigger wakes both replicas), in many streams.
        String db = "jdbc:" + PackagedInstances.databaseUrl();
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into event (stream, type, payload)
                     select 'application:' || s.id, 'application.it-probe', jsonb_build_object('n', g)
                       from (select gen_random_uuid() as id, row_number() over () as k
                               from generate_series(1, ?)) s
                       cross join generate_series(1, ?) g
                      order by g, s.k""")) {
            insert.setInt(1, STREAMS);
            insert.setInt(2, EVENTS_PER_STREAM);
            insert.executeUpdate();
        }

        int expected = STREAMS * EVENTS_PER_STREAM;
        List<WebhookReceiver.Received> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (got.size() < expected && System.nanoTime() < deadline) {
            WebhookReceiver.Received r = receiver.queue("/it").poll(200, TimeUnit.MILLISECONDS);
            if (r != null) {
                got.add(r);
            }
        }
        got.addAll(receiver.drain("/it", 3000)); // anything sent twice would arrive by now
        assertEquals(expected, got.size(), "deliveries received (duplicates or losses)");
        Map<String, Long> lastIdOfStream = new HashMap<>();
        Map<String, Integer> perEvent = new HashMap<>();
        for (WebhookReceiver.Received r : got) {
            assertTrue(WebhookReceiver.verify(subscription.getString("secret"), r.header("SatuPintu-Signature"), r.body()));
            JsonObject body = new JsonObject(r.text());
            perEvent.merge(body.getString("id"), 1, Integer::sum);
        }
        assertEquals(expected, perEvent.size(), "distinct events received");

        // In order per object: each stream's deliveries completed in event order.
        Map<String, Integer> byStreamCheck = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             PreparedStatement query = connection.prepareStatement("""
                     select e.stream, e.id from webhook_delivery d join event e on e.id = d.event_id
                      where d.subscription_id = ?::uuid and d.status = 'DELIVERED' order by d.delivered_at, d.id""")) {
            query.setString(1, subscription.getString("id"));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String stream = rows.getString(1);
                    long id = rows.getLong(2);
                    Long before = lastIdOfStream.put(stream, id);
                    assertTrue(before == null || before < id, "stream " + stream + " delivered out of order");
                    byStreamCheck.merge(stream, 1, Integer::sum);
                }
            }
        }
        assertEquals(STREAMS, byStreamCheck.size());
    }
}
