package id.satupintu.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.PackagedInstances;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a packaged replica in the middle of its work (what Kubernetes does on every rollout):
 * an SSE stream ends at once with a reconnect hint instead of holding the shutdown; a request whose
 * body is still arriving is answered; a webhook delivery still being sent gets its lease back, so
 * another replica sends it now rather than when the lease runs out; the process exits in time.
 */
class GracefulShutdownIT {

    private PackagedInstances instances;
    private WebhookReceiver receiver;
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        answer.countDown();
        if (instances != null) {
            instances.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void sigtermEndsStreamsFinishesRequestsAndGivesBackLeases() throws Exception {
        receiver = new WebhookReceiver();
        // The receiver holds the delivery: it is still being sent when SIGTERM comes.
        receiver.plan("/slow", () -> {
            try {
                answer.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        instances = new PackagedInstances(Map.of("SATUPINTU_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                "SATUPINTU_WEBHOOKS_TIMEOUT_MS", "60000", "SATUPINTU_SSE_HEARTBEAT_SECONDS", "1"));
        PackagedInstances.Instance replica = instances.start();
        instances.awaitReady(replica);

        String token = instances.clientToken(replica, "oss-integrator", "oss-demo-secret-2025");
        HttpResponse<String> created = instances.http().send(HttpRequest.newBuilder(
                        URI.create(replica.url("/api/v1/webhooks/subscriptions")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("url", receiver.url("/slow"))
                        .put("eventTypes", List.of("application.it-shutdown")).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String subscription = new JsonObject(created.body()).getString("id");
        String db = "jdbc:" + PackagedInstances.databaseUrl();
        try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
             PreparedStatement insert = connection.prepareStatement("insert into event (stream, type, payload)"
                     + " values ('application:' || gen_random_uuid(), 'application.it-shutdown', '{}'::jsonb)")) {
            insert.executeUpdate();
        }
        assertTrue(receiver.next("/slow", 20) != null, "the delivery never reached the receiver");

        // A live stream, past its replay (the first heartbeat).
        BlockingQueue<String> board = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = instances.http().send(HttpRequest.newBuilder(
                        URI.create(replica.url("/api/v1/sites/MPP-BDG/board/events")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(board::add);
            } catch (RuntimeException closed) {
                // the replica went away
            }
            board.add("<end>");
        });
        reader.setDaemon(true);
        reader.start();
        String line;
        do {
            line = board.poll(10, TimeUnit.SECONDS);
        } while (line != null && !line.startsWith(":"));
        assertTrue(line != null, "no heartbeat on the board stream");

        // A request in flight: headers sent, half the body still to come.
        String body = "grant_type=client_credentials&client_id=nobody&client_secret=nothing";
        try (Socket socket = new Socket("localhost", replica.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);

            long signalled = System.nanoTime();
            instances.process(replica).destroy(); // SIGTERM

            boolean retryHint = false;
            String received;
            while ((received = board.poll(10, TimeUnit.SECONDS)) != null && !received.equals("<end>")) {
                retryHint |= received.startsWith("retry:");
            }
            double streamEnded = (System.nanoTime() - signalled) / 1e9;
            assertTrue(received != null, "the SSE stream did not end within 10 s of SIGTERM");
            assertTrue(retryHint, "the SSE stream ended without a retry: hint");

            out.write(body.substring(20).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(status != null && status.matches("HTTP/1\\.1 4\\d\\d .*"),
                    "the request in flight at SIGTERM got no answer: " + status);

            assertTrue(instances.process(replica).waitFor(30, TimeUnit.SECONDS), "the replica did not exit");
            double exited = (System.nanoTime() - signalled) / 1e9;

            try (Connection connection = DriverManager.getConnection(db, "satupintu", "satupintu");
                 PreparedStatement query = connection.prepareStatement("select status, lease_until is null, attempts"
                         + " from webhook_delivery where subscription_id = ?::uuid")) {
                query.setString(1, subscription);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next(), "no delivery");
                    assertEquals("PENDING", rows.getString(1));
                    assertTrue(rows.getBoolean(2), "the lease of the delivery being sent was not given back");
                    assertEquals(0, rows.getInt(3), "the attempt the claim counted was not given back");
                }
            }
            System.out.printf("sigterm: stream ended with retry hint after %.2f s, in-flight request answered (%s),"
                    + " exited after %.2f s, webhook lease given back%n", streamEnded, status, exited);
        }
    }
}
