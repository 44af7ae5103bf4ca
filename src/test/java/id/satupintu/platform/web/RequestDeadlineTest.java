package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.support.NoErrorsLogged;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request stuck behind a lock is answered by the edge when its time is up (here 3 s, short, yet long
 * enough for the tests' other requests on a loaded CI machine; and no statement_timeout, so that only
 * the edge can end it): 503 request-timed-out with Retry-After, on REST
 * and GraphQL alike, no ERROR logged, and the late result of the resource, written when the lock goes,
 * breaks nothing.
 */
@QuarkusTest
@TestProfile(RequestDeadlineTest.ShortDeadline.class)
@ExtendWith(NoErrorsLogged.class)
class RequestDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("satupintu.http.request-timeout-ms", "3000", "satupintu.database.statement-timeout-ms", "0");
        }
    }

    @Test
    void aRequestStuckBehindALockIsAnsweredWhenItsTimeIsUp() throws Exception {
        try (SiteTableLock lock = new SiteTableLock()) {
            long started = System.nanoTime();
            given().header("Accept-Language", "en").get("/api/v1/sites")
                    .then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("request-timed-out"))
                    .body("title", equalTo("Request took too long"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Answered while the lock is still held: without the deadline it would wait as long as the lock.
            assertTrue(millis >= 2900, "answered after " + millis + " ms");

            given().contentType("application/json").body("{\"query\":\"{ sites(first: 1) { items { code } } }\"}")
                    .post("/graphql")
                    // The edge answers before GraphQL has a result, in the shape of its other refusals.
                    .then().statusCode(503).header("Retry-After", equalTo("5"))
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("request-timed-out"));
        }
        // The lock is gone: the stuck resources finish and write to answered requests; new ones are served.
        Thread.sleep(500);
        given().get("/api/v1/sites").then().statusCode(200);
    }

    /**
     * An upload has no deadline: a citizen on a slow line sends for longer than the 3 s here (a real
     * 10 MiB at 2 Mbit/s takes 40 s) and is answered 201, not cut off and made to send it all again.
     */
    @Test
    void aSlowUploadIsNotCutOff() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        byte[] pdf = new byte[4096];
        Arrays.fill(pdf, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/complaints/" + anonymous[0] + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/pdf\r\nContent-Length: " + pdf.length + "\r\n"
                    + "X-Complaint-Secret: " + anonymous[1] + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            for (int sent = 0; sent < pdf.length; sent += 512) {
                out.write(pdf, sent, Math.min(512, pdf.length - sent));
                out.flush();
                Thread.sleep(600);
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis > 3500, "sent in " + millis + " ms, not longer than the deadline");
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        }
    }
}
