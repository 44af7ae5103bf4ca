package id.satupintu.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.PackagedInstances;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a packaged replica while it files applications, issues kiosk tickets, streams a board
 * and sends webhooks, beside a second replica. What a client was told (2xx) must be in the database;
 * a client retrying with its Idempotency-Key gets one application, not two; a board follower that
 * reconnects to the other replica with Last-Event-ID misses no ticket; the deliveries the dead
 * replica held under lease are sent by the other one once the leases run out.
 */
class CrashRecoveryIT {

    private static final int WEBHOOK_EVENTS = 200;
    private static final String FORM = "{\"alasanPenggantian\":\"HABIS_MASA_BERLAKU\",\"nomorPasporLama\":\"B1234567\","
            + "\"tanggalHabisBerlaku\":\"2026-10-01\",\"jenisPaspor\":\"ELEKTRONIK\",\"masaBerlaku\":\"SEPULUH_TAHUN\","
            + "\"tujuanPerjalanan\":\"WISATA\"}";

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
    void nothingAcknowledgedIsLostWhenAReplicaIsKilled() throws Exception {
        receiver = new WebhookReceiver();
        receiver.plan("/crash", () -> {
            try {
                Thread.sleep(20); // deliveries stay in flight on both replicas
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        instances = new PackagedInstances(Map.of("SATUPINTU_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                "SATUPINTU_WEBHOOKS_CONCURRENCY", "8", "SATUPINTU_SSE_HEARTBEAT_SECONDS", "1",
                "SATUPINTU_CLIENTS_RATE_LIMIT", "100000"));
        PackagedInstances.Instance doomed = instances.start();
        PackagedInstances.Instance survivor = instances.start();
        instances.awaitReady(doomed);
        instances.awaitReady(survivor);

        String integrator = instances.clientToken(survivor, "oss-integrator", "oss-demo-secret-2025");
        HttpResponse<String> subscribed = post(survivor, "/api/v1/webhooks/subscriptions", integrator, null,
                new JsonObject().put("url", receiver.url("/crash")).put("eventTypes", List.of("application.it-crash")).encode());
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        String kiosk = instances.clientToken(doomed, "kiosk-mpp-bdg-01", "kiosk-demo-secret-2025");
        String citizen = passwordToken(doomed, "warga.demo", "Warga-Demo-2025");
        String db = "jdbc:" + PackagedInstances.databaseUrl();
        String startedAt;
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             ResultSet rows = connection.createStatement().executeQuery("select now()::text")) {
            rows.next();
            startedAt = rows.getString(1);
        }

        // A board follower on the replica that will die.
        BoardFollower board = new BoardFollower();
        board.follow(doomed, null);
        assertTrue(board.awaitHeartbeat(), "no heartbeat on the board stream");

        // Load: kiosk tickets and applications (each with its Idempotency-Key) on the doomed replica.
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> tickets = new ConcurrentHashMap<>(); // id -> number, answered 201
        Map<String, String> filed = new ConcurrentHashMap<>(); // key -> tracking number, answered 2xx
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        Map<String, String> refusals = new ConcurrentHashMap<>(); // first answer of each kind and status
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            boolean ticketWorker = w % 2 == 0;
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        if (ticketWorker) {
                            HttpResponse<String> issued = post(doomed, "/api/v1/sites/MPP-BDG/tickets", kiosk, null,
                                    "{\"serviceCode\":\"DKB-KTP-EL\",\"channel\":\"KIOSK\"}");
                            refusals.putIfAbsent("ticket " + issued.statusCode(), issued.body());
                            if (issued.statusCode() == 201) {
                                JsonObject ticket = new JsonObject(issued.body());
                                tickets.put(ticket.getString("id"), ticket.getString("number"));
                            }
                        } else {
                            inFlight.add(key);
                            HttpResponse<String> answer = post(doomed, "/api/v1/applications", citizen, key,
                                    "{\"serviceCode\":\"IMI-PASPOR-GANTI\",\"draft\":true,\"form\":" + FORM + "}");
                            refusals.putIfAbsent("application " + answer.statusCode(), answer.body());
                            if (answer.statusCode() == 201) {
                                filed.put(key, new JsonObject(answer.body()).getString("trackingNumber"));
                                inFlight.remove(key);
                            } else {
                                inFlight.remove(key);
                            }
                        }
                    } catch (IOException | InterruptedException killed) {
                        return; // the replica died under this request; its key stays in flight
                    } catch (RuntimeException unexpected) {
                        refusals.putIfAbsent("failed", unexpected.toString());
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        // Webhook events while both replicas deliver.
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             PreparedStatement insert = connection.prepareStatement("insert into event (stream, type, payload)"
                     + " select 'application:' || gen_random_uuid(), 'application.it-crash', jsonb_build_object('n', g)"
                     + " from generate_series(1, ?) g")) {
            insert.setInt(1, WEBHOOK_EVENTS);
            insert.executeUpdate();
        }
        // Kill once the load is well under way (a busy machine may take a while to answer the first).
        long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((tickets.size() < 20 || filed.size() < 20) && System.nanoTime() < loadDeadline) {
            Thread.sleep(100);
        }
        instances.process(doomed).destroyForcibly(); // kill -9
        long killed = System.nanoTime();
        running.set(false);
        for (Thread worker : workers) {
            worker.join(10_000);
        }

        PackagedInstances.Instance restarted = instances.start();
        instances.awaitReady(restarted);

        System.out.println("answers during the load: " + refusals.keySet());
        assertTrue(tickets.size() >= 10 && filed.size() >= 10, "too little load was acknowledged to show anything: " + refusals);

        // 1. Every answered request is in the database.
        int ticketsFound = count(db, "select count(*) from queue_ticket where id::text = any(?)",
                tickets.keySet().toArray(new String[0]));
        int applicationsFound = count(db, "select count(*) from application where tracking_number = any(?)",
                filed.values().toArray(new String[0]));
        assertEquals(tickets.size(), ticketsFound, "acknowledged tickets missing");
        assertEquals(filed.size(), applicationsFound, "acknowledged applications missing");

        // 2. The requests cut off by the kill, retried with their keys, make one application each.
        Set<String> retried = new HashSet<>();
        for (String key : inFlight) {
            HttpResponse<String> first = post(restarted, "/api/v1/applications", citizen, key,
                    "{\"serviceCode\":\"IMI-PASPOR-GANTI\",\"draft\":true,\"form\":" + FORM + "}");
            assertTrue(first.statusCode() == 201 || first.statusCode() == 200, first.statusCode() + " " + first.body());
            HttpResponse<String> again = post(survivor, "/api/v1/applications", citizen, key,
                    "{\"serviceCode\":\"IMI-PASPOR-GANTI\",\"draft\":true,\"form\":" + FORM + "}");
            String number = new JsonObject(first.body()).getString("trackingNumber");
            assertEquals(number, new JsonObject(again.body()).getString("trackingNumber"), "a retry made another application");
            retried.add(number);
        }
        Set<String> all = new HashSet<>(filed.values());
        all.addAll(retried);
        int made = count(db, "select count(*) from application where created_at >= ?::timestamptz", startedAt);
        assertEquals(all.size(), made, "applications made, against distinct keys answered");

        // 3. The board follower resumes on the survivor with Last-Event-ID and misses no ticket.
        board.follow(survivor, board.lastId());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!board.numbers().containsAll(tickets.values()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Set<String> missed = new HashSet<>(tickets.values());
        missed.removeAll(board.numbers());
        assertTrue(missed.isEmpty(), "tickets the board follower missed: " + missed);

        // 4. Every webhook event is delivered: the dead replica's leases run out, the survivor sends them.
        Set<String> delivered = new HashSet<>();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
        while (delivered.size() < WEBHOOK_EVENTS && System.nanoTime() < deadline) {
            WebhookReceiver.Received r = receiver.queue("/crash").poll(200, TimeUnit.MILLISECONDS);
            if (r != null) {
                delivered.add(new JsonObject(r.text()).getString("id"));
            }
        }
        double takenOver = (System.nanoTime() - killed) / 1e9;
        assertEquals(WEBHOOK_EVENTS, delivered.size(), "webhook events delivered");

        System.out.printf("kill -9: requests answered 2xx %d (tickets %d, applications %d), rows found %d, lost %d;"
                        + " %d cut off, retried with their keys: one application each; board resumed with Last-Event-ID,"
                        + " missed 0; webhooks %d of %d delivered, the last %.1f s after the kill%n",
                tickets.size() + filed.size(), tickets.size(), filed.size(), ticketsFound + applicationsFound,
                tickets.size() + filed.size() - ticketsFound - applicationsFound, inFlight.size(),
                delivered.size(), WEBHOOK_EVENTS, takenOver);
        board.close();
    }

    private HttpResponse<String> post(PackagedInstances.Instance instance, String path, String token, String key,
                                      String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url(path)))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return instances.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String passwordToken(PackagedInstances.Instance instance, String username, String password) throws Exception {
        HttpResponse<String> response = instances.http().send(HttpRequest.newBuilder(URI.create(instance.url("/api/v1/auth/token")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username
                                + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("access_token");
    }

    private static int count(String db, String sql, Object parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter instanceof String[] values) {
                query.setArray(1, connection.createArrayOf("text", values));
            } else {
                query.setString(1, (String) parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** An SSE follower of the MPP-BDG board that can move to another replica with Last-Event-ID. */
    private final class BoardFollower implements AutoCloseable {
        private final Set<String> numbers = ConcurrentHashMap.newKeySet();
        private final BlockingQueue<String> heartbeats = new LinkedBlockingQueue<>();
        private volatile String lastId;
        private HttpResponse<Stream<String>> current;

        void follow(PackagedInstances.Instance instance, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url("/api/v1/sites/MPP-BDG/board/events")))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            current = instances.http().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, current.statusCode());
            HttpResponse<Stream<String>> mine = current;
            Thread reader = new Thread(() -> {
                try {
                    mine.body().forEach(line -> {
                        if (line.startsWith("id:")) {
                            lastId = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            String number = new JsonObject(line.substring(5).trim()).getString("number");
                            if (number != null) {
                                numbers.add(number);
                            }
                        } else if (line.startsWith(":")) {
                            heartbeats.add(line);
                        }
                    });
                } catch (RuntimeException closed) {
                    // the replica died, or the test is over
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean awaitHeartbeat() throws InterruptedException {
            return heartbeats.poll(10, TimeUnit.SECONDS) != null;
        }

        String lastId() {
            return lastId;
        }

        Set<String> numbers() {
            return numbers;
        }

        @Override
        public void close() {
            current.body().close();
        }
    }
}
