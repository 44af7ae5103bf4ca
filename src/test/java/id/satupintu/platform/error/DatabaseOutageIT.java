package id.satupintu.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.OwnPostgres;
import id.satupintu.support.PackagedInstances;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again under the packaged service, on a cluster of the test's own:
 * readiness goes DOWN within seconds and UP again without restarting the service; every request of
 * the outage is answered at once with a 503 {@code database-unavailable} and Retry-After, on REST,
 * GraphQL, Open311 and the API-client gate alike; the LISTEN connection comes back and catches up, so
 * a display board misses none of the tickets issued after the restart; scheduled jobs run again (the
 * audit log of API clients is written); and the outage logs no ERROR.
 */
class DatabaseOutageIT {

    private static final String KIOSK = "kiosk-mpp-bdg-01";
    private static final String KIOSK_SECRET = "kiosk-demo-secret-2025";
    private static final Duration QUICK = Duration.ofSeconds(2);

    @Test
    void theServiceRidesOutADatabaseRestart() throws Exception {
        Path bin = OwnPostgres.binaries();
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries under /usr/lib/postgresql");
        try (OwnPostgres pg = OwnPostgres.start(bin, "satupintu_outage");
             PackagedInstances instances = new PackagedInstances(Map.of(
                     "SATUPINTU_SSE_HEARTBEAT_SECONDS", "1",
                     "SATUPINTU_CLIENTS_AUDIT_FLUSH_EVERY", "1s",
                     "SATUPINTU_WEBHOOKS_SWEEP_EVERY", "1s"))) {
            PackagedInstances.Instance service = instances.start(pg.url("satupintu_outage"));
            instances.awaitReady(service);
            Board board = Board.follow(instances, service);
            String kiosk = instances.clientToken(service, KIOSK, KIOSK_SECRET);

            Set<String> issued = new LinkedHashSet<>();
            for (int i = 0; i < 3; i++) {
                issued.add(issue(instances, service, kiosk).orElseThrow());
            }

            // Each door answered once while the database is up, so that the outage's timings measure the
            // outage and not a first call's class loading (GraphQL's first query took 1.2 s on a loaded machine).
            warmUp(instances, service);

            long stopping = System.nanoTime();
            pg.stopServer();
            double down = secondsUntil(() -> ready(instances, service) == 503, stopping, 20);

            List<String> answered = duringTheOutage(instances, service, kiosk);
            // The database stays away a while: jobs run (and fail) meanwhile, the listener retries.
            Thread.sleep(4000);
            answered.addAll(duringTheOutage(instances, service, kiosk));

            pg.startServer();
            long starting = System.nanoTime();
            // Tickets issued as soon as the database takes them, before the listener is back too:
            // those reach the board through the catch-up from the events table.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            double up = -1;
            while (System.nanoTime() < deadline && (up < 0 || issued.size() < 13)) {
                issue(instances, service, kiosk).ifPresent(issued::add);
                if (up < 0 && ready(instances, service) == 200) {
                    up = (System.nanoTime() - starting) / 1e9;
                }
                Thread.sleep(100);
            }
            assertTrue(up >= 0, "readiness did not come UP again within 30 s of the database's return");
            for (int i = 0; i < 5; i++) {
                issued.add(issue(instances, service, kiosk).orElseThrow());
            }

            Set<String> missing = board.awaitAll(issued, 20);
            board.close();
            int audited = auditedOutageCalls(pg);
            System.out.printf("database restart: down after %.2f s, up after %.2f s, events lost %d"
                    + " (%d tickets issued, %d outage requests answered 503, %d outage calls audited)%n",
                    down, up, missing.size(), issued.size(), answered.size(), audited);

            assertEquals(Set.of(), missing, "tickets issued but never shown on the board");
            assertTrue(audited > 0, "the audit log job did not write the outage's calls after the restart");
            List<String> errors = errorLines(service);
            assertEquals(List.of(), errors, "the outage was logged at ERROR");
        }
    }

    private static void warmUp(PackagedInstances instances, PackagedInstances.Instance service) throws Exception {
        for (String path : List.of("/api/v1/sites", "/open311/v2/services.json?jurisdiction_id=MPP-BDG")) {
            instances.http().send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(QUICK).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        instances.http().send(HttpRequest.newBuilder(URI.create(service.url("/graphql")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ sites { items { code } } }\"}"))
                .timeout(QUICK).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** One request of each door; each must be a fast 503 with Retry-After. Returns what was asked. */
    private static List<String> duringTheOutage(PackagedInstances instances, PackagedInstances.Instance service,
                                                String kiosk) throws Exception {
        List<String> asked = new ArrayList<>();
        asked.add(unavailable(instances, "REST", HttpRequest.newBuilder(URI.create(service.url("/api/v1/sites")))));
        asked.add(unavailable(instances, "client gate", HttpRequest.newBuilder(
                        URI.create(service.url("/api/v1/sites/MPP-BDG/tickets")))
                .header("Authorization", "Bearer " + kiosk).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"DKB-KTP-EL\",\"channel\":\"KIOSK\"}"))));
        asked.add(unavailable(instances, "Open311", HttpRequest.newBuilder(
                URI.create(service.url("/open311/v2/services.json?jurisdiction_id=MPP-BDG")))));
        asked.add(unavailable(instances, "GraphQL", HttpRequest.newBuilder(URI.create(service.url("/graphql")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ sites { items { code } } }\"}"))));
        return asked;
    }

    private static String unavailable(PackagedInstances instances, String door, HttpRequest.Builder request)
            throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = instances.http().send(request.timeout(QUICK).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, door + " took " + millis + " ms during the outage");
        assertTrue(response.body().contains("database-unavailable") || door.equals("Open311"),
                door + ": " + response.statusCode() + " " + response.body());
        assertEquals(503, response.statusCode(), door + ": " + response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null), door + " Retry-After");
        if (door.equals("GraphQL")) {
            // Still a GraphQL response: the same code and status in the error's extensions.
            assertTrue(response.body().contains("\"status\":503"), door + ": " + response.body());
        }
        return door + " " + millis + " ms";
    }

    /** Issues a kiosk ticket; its number, or empty when it was refused (the database still away). */
    private static java.util.Optional<String> issue(PackagedInstances instances, PackagedInstances.Instance service,
                                                    String kiosk) throws Exception {
        HttpResponse<String> issued = instances.http().send(HttpRequest.newBuilder(
                        URI.create(service.url("/api/v1/sites/MPP-BDG/tickets"))).timeout(QUICK)
                .header("Authorization", "Bearer " + kiosk).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"DKB-KTP-EL\",\"channel\":\"KIOSK\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() == 503) {
            return java.util.Optional.empty();
        }
        assertEquals(201, issued.statusCode(), issued.body());
        return java.util.Optional.of(issued.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1"));
    }

    private static int ready(PackagedInstances instances, PackagedInstances.Instance service) {
        try {
            return instances.http().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + service.management() + "/q/health/ready")).timeout(QUICK)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double secondsUntil(Supplier<Boolean> condition, long since, int limitSeconds) throws Exception {
        long deadline = since + TimeUnit.SECONDS.toNanos(limitSeconds);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + limitSeconds + " s");
    }

    /** Calls answered 503 during the outage, in the audit log: written by its job after the restart. */
    private static int auditedOutageCalls(OwnPostgres pg) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int count = 0;
        while (count == 0 && System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("satupintu_outage"), "satupintu", "satupintu");
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select count(*) from identity_api_client_call where status = 503")) {
                rows.next();
                count = rows.getInt(1);
            }
            if (count == 0) {
                Thread.sleep(250);
            }
        }
        return count;
    }

    /** The service's log lines at ERROR (JSON logs in the packaged service). */
    private static List<String> errorLines(PackagedInstances.Instance service) throws Exception {
        try (Stream<String> lines = Files.lines(Path.of("target/instance-" + service.port() + ".log"))) {
            return lines.filter(line -> line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR "))
                    .map(line -> line.length() > 400 ? line.substring(0, 400) : line).toList();
        }
    }

    /** The numbers of the tickets a display board's SSE stream showed. */
    private static final class Board implements AutoCloseable {

        private final java.util.Queue<String> data = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final HttpResponse<Stream<String>> stream;

        private Board(HttpResponse<Stream<String>> stream) {
            this.stream = stream;
        }

        static Board follow(PackagedInstances instances, PackagedInstances.Instance service) throws Exception {
            HttpResponse<Stream<String>> stream = instances.http().send(HttpRequest.newBuilder(
                            URI.create(service.url("/api/v1/sites/MPP-BDG/board/events")))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, stream.statusCode());
            Board board = new Board(stream);
            Thread reader = new Thread(() -> {
                try {
                    stream.body().filter(line -> line.startsWith("data:")).forEach(board.data::add);
                } catch (RuntimeException closed) {
                    // the test is over
                }
            });
            reader.setDaemon(true);
            reader.start();
            return board;
        }

        /** The tickets not shown within the time. */
        Set<String> awaitAll(Set<String> numbers, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Set<String> missing = new LinkedHashSet<>(numbers);
            while (true) {
                missing.removeIf(number -> data.stream().anyMatch(line -> line.contains("\"" + number + "\"")));
                if (missing.isEmpty() || System.nanoTime() > deadline) {
                    return missing;
                }
                Thread.sleep(100);
            }
        }

        @Override
        public void close() {
            stream.body().close();
        }
    }
}
