package id.satupintu.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.PackagedInstances;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private PackagedInstances instances;

    @AfterEach
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void anEventMadeOnOneReplicaReachesAFollowerOfTheOther() throws Exception {
        instances = new PackagedInstances(Map.of("SATUPINTU_SSE_HEARTBEAT_SECONDS", "1"));
        PackagedInstances.Instance first = instances.start();
        PackagedInstances.Instance second = instances.start();
        instances.awaitReady(first);
        instances.awaitReady(second);

        BlockingQueue<String> board = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = instances.http().send(HttpRequest.newBuilder(
                        URI.create(second.url("/api/v1/sites/MPP-BDG/board/events")))
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

        String kiosk = instances.clientToken(first, "kiosk-mpp-bdg-01", "kiosk-demo-secret-2025");
        HttpResponse<String> issued = instances.http().send(HttpRequest.newBuilder(
                        URI.create(first.url("/api/v1/sites/MPP-BDG/tickets")))
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
}
