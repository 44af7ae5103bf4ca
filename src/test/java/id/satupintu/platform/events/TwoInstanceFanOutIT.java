package id.satupintu.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one database: a ticket issued through one of them must
 * reach a display board following the other, which only LISTEN/NOTIFY can carry across.
 */
class TwoInstanceFanOutIT {

    private final List<Process> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        instances.forEach(Process::destroy);
    }

    @Test
    void anEventMadeOnOneReplicaReachesAFollowerOfTheOther() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Map<String, String> shared = Map.of(
                "SATUPINTU_JWT_PRIVATE_KEY", pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                "SATUPINTU_JWT_PUBLIC_KEY", pem("PUBLIC KEY", keys.getPublic().getEncoded()),
                "SATUPINTU_PII_ENCRYPTION_KEY", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyYnl0ZSE=",
                "SATUPINTU_PII_INDEX_KEY", "dGVzdC1vbmx5LWJsaW5kLWluZGV4LWtleS0zMmJ5dGVzIQ==");
        int[] first = start(shared);
        int[] second = start(shared);
        awaitReady(first[1]);
        awaitReady(second[1]);

        BlockingQueue<String> board = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + second[0] + "/api/v1/sites/MPP-BDG/board/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(board::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        // The first heartbeat comes after the board's replay from the table: from then on, a new
        // event can only arrive through the other replica's NOTIFY.
        long started = System.nanoTime();
        String line;
        do {
            line = board.poll(200, TimeUnit.MILLISECONDS);
        } while ((line == null || !line.startsWith(":")) && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
        assertTrue(line != null && line.startsWith(":"), "no heartbeat on the board stream");

        String kiosk = token(first[0]);
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + first[0] + "/api/v1/sites/MPP-BDG/tickets"))
                .header("Authorization", "Bearer " + kiosk).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"DKB-KTP-EL\",\"channel\":\"KIOSK\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, issued.statusCode(), issued.body());
        String number = issued.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            String received = board.poll(200, TimeUnit.MILLISECONDS);
            seen = received != null && received.startsWith("data:") && received.contains("\"" + number + "\"");
        }
        stream.body().close();
        assertTrue(seen, "ticket " + number + " issued on one replica never reached the other's board stream");
    }

    private int[] start(Map<String, String> shared) throws Exception {
        int port = freePort();
        int management = freePort();
        String db = System.getenv().getOrDefault("SATUPINTU_TEST_DB_URL", "postgresql://127.0.0.1:5432/satupintu_test");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/fan-out-" + port + ".log"));
        Map<String, String> env = builder.environment();
        env.putAll(shared);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + db);
        env.put("QUARKUS_DATASOURCE_USERNAME", "satupintu");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "satupintu");
        env.put("SATUPINTU_DEMO_DATA", "true");
        env.put("SATUPINTU_SSE_HEARTBEAT_SECONDS", "1");
        instances.add(builder.start());
        return new int[] {port, management};
    }

    private void awaitReady(int management) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + management + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("a replica did not become ready; see target/fan-out-*.log");
    }

    private String token(int port) throws Exception {
        String basic = Base64.getEncoder().encodeToString("kiosk-mpp-bdg-01:kiosk-demo-secret-2025"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
