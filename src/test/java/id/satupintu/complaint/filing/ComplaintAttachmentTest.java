package id.satupintu.complaint.filing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.platform.files.StoredChunks;
import id.satupintu.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attachments follow the documents rules: format by content, size limit, and the complaint's readers. */
@QuarkusTest
class ComplaintAttachmentTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Test
    void reporterAttachesReadersDownload() {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String path = "/api/v1/complaints/" + anonymous[0] + "/attachments";
        f.withSecret(anonymous[1]).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(201)
                .body("number", equalTo(1)).body("format", equalTo("PDF")).body("size", equalTo(PDF.length));
        f.withSecret(anonymous[1]).contentType("image/jpeg").body(PNG).post(path).then().statusCode(201)
                .body("number", equalTo(2)).body("mediaType", equalTo("image/png"));
        f.withSecret(anonymous[1]).contentType("application/octet-stream").body("halo".getBytes()).post(path).then()
                .statusCode(415).body("code", equalTo("document-format-unrecognised"));
        f.withSecret(anonymous[1]).contentType("application/octet-stream").body(new byte[0]).post(path).then()
                .statusCode(400);
        // A JSON or form body is read whole at the HTTP edge; the upload must not wait for it again (it once
        // hung until the client gave up, found by ApiFuzzTest over HTTP/1.1).
        for (String type : List.of("application/json", "application/x-www-form-urlencoded")) {
            f.withSecret(anonymous[1]).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 10_000))).contentType(type).body("{\"a\":1}")
                    .post(path).then().statusCode(415).body("code", equalTo("document-format-unrecognised"));
        }
        f.as(f.desk).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(403);
        f.as(f.otherCitizen).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(404);

        f.as(f.desk).get(path).then().statusCode(200).body("", hasSize(2)).body("[0].sha256", equalTo(sha256(PDF)));
        byte[] downloaded = f.as(f.desk).get(path + "/1").then().statusCode(200).contentType("application/pdf")
                .header("ETag", equalTo("\"" + sha256(PDF) + "\"")).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertTrue(Arrays.equals(PDF, downloaded));
        f.as(f.desk).header("If-None-Match", "\"" + sha256(PDF) + "\"").get(path + "/1").then().statusCode(304);
        f.as(f.desk).get(path + "/9").then().statusCode(404).body("code", equalTo("complaint-attachment-not-found"));
        f.as(f.desk).get(path + "/satu").then().statusCode(400);
        f.as(null).get(path).then().statusCode(404);

        // Five at most; none once the complaint is closed.
        for (int i = 0; i < 3; i++) {
            f.withSecret(anonymous[1]).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(201);
        }
        f.withSecret(anonymous[1]).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(409)
                .body("code", equalTo("complaint-attachment-limit"));
        f.act(f.desk, anonymous[0], "reject", java.util.Map.of("rejectReason", "DUPLICATE")).statusCode(200);
        f.withSecret(anonymous[1]).contentType("application/octet-stream").body(PDF).post(path).then().statusCode(409);
    }

    /**
     * An attachment of several 256 KiB chunks comes back byte for byte, with the headers of every stored
     * file, whatever type the client says it accepts.
     */
    @Test
    void anAttachmentLargerThanOneChunkRoundTripsIntact() throws Throwable {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String path = "/api/v1/complaints/" + anonymous[0] + "/attachments";
        byte[] big = new byte[600 * 1024 + 17];
        new Random(29).nextBytes(big);
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        f.withSecret(anonymous[1]).contentType("application/pdf").body(big).post(path).then().statusCode(201)
                .body("number", equalTo(1)).body("size", equalTo(big.length)).body("sha256", equalTo(sha256(big)));
        f.as(f.desk).get(path).then().statusCode(200).body("[0].size", equalTo(big.length))
                .body("[0].sha256", equalTo(sha256(big)));
        byte[] back = f.as(f.desk).header("Accept", "application/pdf").get(path + "/1").then().statusCode(200)
                .contentType("application/pdf").header("Content-Length", String.valueOf(big.length))
                .header("ETag", "\"" + sha256(big) + "\"").header("Cache-Control", containsString("private"))
                .header("Cache-Control", containsString("no-cache")).header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(big, back);
        assertEquals(sha256(big), sha256(back));
        // 600 KiB and a little more, in the file store's 256 KiB chunks.
        assertEquals(3L, StoredChunks.count("c.file_id = (select a.file_id from complaint_attachment a join complaint k "
                + "on k.id = a.complaint_id where k.tracking_code = ?1 and a.number = 1)", anonymous[0]));
        // Refused before a byte is sent: a plain problem, not a broken stream.
        f.as(f.otherCitizen).get(path + "/1").then().statusCode(404).contentType("application/problem+json");
        f.withSecret("not-the-secret").get(path + "/1").then().statusCode(404).contentType("application/problem+json");
        // The reporter reads it too, with the secret.
        assertArrayEquals(big, f.withSecret(anonymous[1]).get(path + "/1").then().statusCode(200)
                .extract().asByteArray());
    }

    /** One framing per HTTP/1.1 message: Content-Length, not chunked as well (strict clients refuse both). */
    @Test
    void anAttachmentDownloadIsFramedByItsLengthAlone() throws Throwable {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String path = "/api/v1/complaints/" + anonymous[0] + "/attachments";
        byte[] big = new byte[300 * 1024];
        new Random(31).nextBytes(big);
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        f.withSecret(anonymous[1]).contentType("application/pdf").body(big).post(path).then().statusCode(201);
        RawHttp.Answer answer = RawHttp.get(path + "/1", "Authorization: Bearer " + f.desk,
                "X-Forwarded-For: " + ComplaintFixtures.randomAddress());
        assertEquals(200, answer.status());
        assertEquals(List.of(), answer.all("Transfer-Encoding"), "a download with its length is not chunked");
        assertEquals(List.of(String.valueOf(big.length)), answer.all("Content-Length"));
        assertArrayEquals(big, answer.body());
    }

    /**
     * Over the documents limit an attachment is refused as before (413 document-too-large), whether it
     * declares its length or is cut off while it streams; nothing of it is kept, and numbering goes on.
     */
    @Test
    void anAttachmentOverTheLimitIsRefusedAndLeavesNothing() throws Throwable {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String path = "/api/v1/complaints/" + anonymous[0] + "/attachments";
        f.withSecret(anonymous[1]).contentType("application/pdf").body(PDF).post(path).then().statusCode(201);
        long stored = StoredChunks.count("true");
        byte[] over = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, over, 0, PDF.length);
        f.withSecret(anonymous[1]).contentType("application/pdf").body(over).post(path).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("document-too-large"));
        // Sent without a length (chunked): stopped mid-stream, after part of it was received.
        f.withSecret(anonymous[1]).contentType("application/pdf").body(new ByteArrayInputStream(over)).post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("document-too-large"));
        f.as(f.desk).get(path).then().statusCode(200).body("", hasSize(1)).body("[0].sha256", equalTo(sha256(PDF)));
        assertEquals(stored, StoredChunks.count("true"));
        assertEquals(0L, StoredChunks.count(StoredChunks.UNOWNED));
        f.withSecret(anonymous[1]).contentType("application/pdf").body(PNG).post(path).then().statusCode(201)
                .body("number", equalTo(2));
        byte[] justFits = new byte[10 * 1024 * 1024];
        System.arraycopy(PDF, 0, justFits, 0, PDF.length);
        f.withSecret(anonymous[1]).contentType("application/pdf").body(justFits).post(path).then().statusCode(201)
                .body("number", equalTo(3)).body("size", equalTo(justFits.length));
    }

    private static String sha256(byte[] content) {
        return id.satupintu.platform.files.DocumentFormats.sha256(content);
    }
}
