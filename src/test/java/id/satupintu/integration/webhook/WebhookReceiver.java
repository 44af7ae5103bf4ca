package id.satupintu.integration.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;

/**
 * A webhook receiver as a third party would write it from docs/api/integrations.md alone: a Vert.x HTTP server on a
 * random port; each path records what it received and answers with the status its plan gives.
 * The signature check is the Java example of docs/api/integrations.md, copied as is (no service code is used).
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, byte[] body, long receivedAtNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, BlockingQueue<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> plans = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Reply>> replies = new ConcurrentHashMap<>();

    /** A whole answer: status, headers (Retry-After...) and body (OSS's responreceiveLicenseStatus...). */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    public WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
            String path = request.path();
            queue(path).add(new Received(path, headers, body.getBytes(), System.nanoTime()));
            Supplier<Reply> reply = replies.get(path);
            if (reply != null) {
                Reply answer = reply.get();
                answer.headers().forEach(request.response()::putHeader);
                request.response().setStatusCode(answer.status()).end(answer.body() == null ? "" : answer.body());
                return;
            }
            int status = plans.getOrDefault(path, () -> 200).getAsInt();
            request.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** The statuses this path answers with, one call after another. */
    public void plan(String path, IntSupplier statuses) {
        plans.put(path, statuses);
    }

    /** Whole answers this path gives, one call after another. */
    public void reply(String path, Supplier<Reply> answers) {
        replies.put(path, answers);
    }

    public BlockingQueue<Received> queue(String path) {
        return byPath.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    public Received next(String path, int seconds) throws InterruptedException {
        Received received = queue(path).poll(seconds, TimeUnit.SECONDS);
        if (received == null) {
            throw new AssertionError("nothing arrived at " + path + " within " + seconds + " s");
        }
        return received;
    }

    /** What arrives at the path within the time; for asserting that nothing (more) does. */
    public List<Received> drain(String path, long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<Received> all = new ArrayList<>();
        queue(path).drainTo(all);
        return all;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close();
    }

    // ---- docs/api/integrations.md, "Verifying a delivery", in Java ----
    public static boolean verify(String secret, String signatureHeader, byte[] body) throws Exception {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            if (part.startsWith("t=")) t = part.substring(2);
            if (part.startsWith("v1=")) v1.add(part.substring(3));
        }
        if (t == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        return v1.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
    }
}
