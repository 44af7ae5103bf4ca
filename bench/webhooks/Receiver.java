// A webhook (and notification gateway) receiver for bench/webhooks.sh and bench/notifications.sh, run as `java Receiver.java <port>` (JDK only).
// POST /... records each delivery: its event id and the latency from the event's createdAt (the
// committing transaction's time) to receipt. GET /stats prints the figures; POST /reset clears them.
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Receiver {

    static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    static final Set<String> ids = ConcurrentHashMap.newKeySet();
    static final AtomicLong received = new AtomicLong();
    static final AtomicLong firstAt = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong lastAt = new AtomicLong();

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] answer = new byte[0];
            if (method.equals("POST") && path.equals("/reset")) {
                latenciesMicros.clear();
                ids.clear();
                received.set(0);
                firstAt.set(Long.MAX_VALUE);
                lastAt.set(0);
            } else if (method.equals("GET") && path.equals("/stats")) {
                answer = stats().getBytes(StandardCharsets.UTF_8);
            } else {
                Instant now = Instant.now();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher created = CREATED.matcher(body);
                if (created.find()) {
                    latenciesMicros.add(ChronoUnit.MICROS.between(OffsetDateTime.parse(created.group(1)).toInstant(), now));
                }
                // A webhook names its event; the notification gateway's POST names its send.
                String id = exchange.getRequestHeaders().getFirst("SatuPintu-Event-Id");
                if (id == null) {
                    id = exchange.getRequestHeaders().getFirst("SatuPintu-Delivery-Id");
                }
                ids.add(id == null ? "" : id);
                received.incrementAndGet();
                long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
                firstAt.accumulateAndGet(micros, Math::min);
                lastAt.accumulateAndGet(micros, Math::max);
            }
            exchange.sendResponseHeaders(answer.length == 0 ? 204 : 200, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** "received distinct first_us last_us p50_ms p95_ms max_ms" */
    static String stats() {
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        return received.get() + " " + ids.size() + " " + (firstAt.get() == Long.MAX_VALUE ? 0 : firstAt.get()) + " "
                + lastAt.get() + " " + ms(sorted, 0.50) + " " + ms(sorted, 0.95) + " " + ms(sorted, 1.0) + "\n";
    }

    static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "0";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, index)) / 1000.0);
    }
}
