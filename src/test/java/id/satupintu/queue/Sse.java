package id.satupintu.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A small SSE reader: events by name, with their JSON data. */
public final class Sse implements AutoCloseable {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Stream<String> body;
    public String lastId;

    public static HttpRequest request(URL base, String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request.build();
    }

    public static int status(URL base, String path, String token) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request(base, path, token, null), HttpResponse.BodyHandlers.ofLines());
        response.body().close();
        return response.statusCode();
    }

    public static Sse open(URL base, String path, String token, String lastEventId) throws Exception {
        Sse sse = new Sse();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request(base, path, token, lastEventId), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        sse.body = response.body();
        Thread reader = new Thread(() -> {
            try {
                sse.body.forEach(sse.lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return sse;
    }

    /** The data of the next event of that name; fails if another event comes first. */
    public JsonObject next(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String id = null;
        String event = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null || line.startsWith(":")) {
                continue;
            }
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                assertEquals(name, event);
                lastId = id;
                return new JsonObject(line.substring(5).trim());
            }
        }
        return fail("no " + name + " event within 10 s");
    }

    /** True when no event arrives within the time (heartbeat comments do not count). */
    public boolean quiet(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        body.close();
    }
}
