package id.satupintu.complaint.filing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.satupintu.complaint.ComplaintFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private static String sha256(byte[] content) {
        return id.satupintu.platform.files.DocumentFormats.sha256(content);
    }
}
