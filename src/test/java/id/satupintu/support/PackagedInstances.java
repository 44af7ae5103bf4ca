package id.satupintu.support;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replicas of the packaged service (target/quarkus-app) on the test database, for integration tests
 * of what only several replicas show. They share one signing key pair and the test PII keys.
 */
public final class PackagedInstances implements AutoCloseable {

    /** One started replica: its HTTP and management ports. */
    public record Instance(int port, int management) {

        public String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    private final List<Process> processes = new ArrayList<>();
    private final Map<Instance, Process> byInstance = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PackagedInstances(Map<String, String> environment) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        shared.put("SATUPINTU_JWT_PRIVATE_KEY", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        shared.put("SATUPINTU_JWT_PUBLIC_KEY", pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        shared.put("SATUPINTU_PII_ENCRYPTION_KEY", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyYnl0ZSE=");
        shared.put("SATUPINTU_PII_INDEX_KEY", "dGVzdC1vbmx5LWJsaW5kLWluZGV4LWtleS0zMmJ5dGVzIQ==");
        shared.put("SATUPINTU_SURVEY_TOKEN_KEY", "dGVzdC1vbmx5LXN1cnZleS10b2tlbi1rZXktMzJieXRlcyE=");
        shared.put("SATUPINTU_DEMO_DATA", "true");
        shared.putAll(environment);
    }

    /** The test database's URL without the jdbc: prefix. */
    public static String databaseUrl() {
        return System.getenv().getOrDefault("SATUPINTU_TEST_DB_URL", "postgresql://127.0.0.1:5432/satupintu_test");
    }

    public Instance start() throws Exception {
        return start(databaseUrl());
    }

    /** A replica on another database ({@code postgresql://host:port/name}, role satupintu). */
    public Instance start(String db) throws Exception {
        int port = freePort();
        int management = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Dvertx.disableURIValidation=true", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/instance-" + port + ".log"));
        Map<String, String> env = builder.environment();
        env.putAll(shared);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + db);
        env.put("QUARKUS_DATASOURCE_USERNAME", "satupintu");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "satupintu");
        Process process = builder.start();
        processes.add(process);
        Instance instance = new Instance(port, management);
        byInstance.put(instance, process);
        return instance;
    }

    public void awaitReady(Instance instance) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + instance.management() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("a replica did not become ready; see target/instance-*.log");
    }

    /** An access token for a demo client, by client credentials. */
    public String clientToken(Instance instance, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url("/api/v1/auth/token")))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** The replica's process, to signal it: {@code destroy()} is SIGTERM, {@code destroyForcibly()} kill -9. */
    public Process process(Instance instance) {
        return byInstance.get(instance);
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        // A replica still starting may ignore SIGTERM for a while: do not leave it behind.
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
