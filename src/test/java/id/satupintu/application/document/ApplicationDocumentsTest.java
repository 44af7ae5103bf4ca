package id.satupintu.application.document;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.platform.files.StoredChunks;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.RawHttp;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ApplicationDocumentsTest {

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    public static String path(String tn) {
        return "/api/v1/applications/" + tn + "/documents";
    }

    public static ValidatableResponse upload(String token, String tn, String requirement, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body)
                .put(path(tn) + "/" + requirement).then();
    }

    /** A draft of the fixture's citizen, form complete. */
    public static String draft(ApplicationFixtures f) {
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("draft", true);
        return file(f.citizen, body).statusCode(201).extract().path("trackingNumber");
    }

    public static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void eachFormatIsRecognisedByContentStoredAndDownloaded() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        // The declared type is ignored: a PDF sent as octet-stream is a PDF.
        upload(f.citizen, tn, "ktp", "application/octet-stream", PDF).statusCode(200)
                .body("requirementCode", equalTo("ktp")).body("format", equalTo("PDF"))
                .body("mediaType", equalTo("application/pdf")).body("size", equalTo(PDF.length))
                .body("sha256", equalTo(sha256(PDF)));
        upload(f.citizen, tn, "kk", "image/png", JPEG).statusCode(200).body("format", equalTo("JPEG"));
        upload(f.citizen, tn, "foto", "image/png", PNG).statusCode(200).body("format", equalTo("PNG"));

        given().auth().oauth2(f.citizen).get(path(tn)).then().statusCode(200)
                .body("requirementCode", contains("foto", "kk", "ktp"))
                .body("format", contains("PNG", "JPEG", "PDF"))
                .body("size", contains(PNG.length, JPEG.length, PDF.length));

        byte[] pdf = given().auth().oauth2(f.citizen).get(path(tn) + "/ktp").then().statusCode(200)
                .contentType("application/pdf").header("Content-Length", String.valueOf(PDF.length))
                .header("ETag", "\"" + sha256(PDF) + "\"").extract().asByteArray();
        assertArrayEquals(PDF, pdf);
        byte[] png = given().auth().oauth2(f.citizen).get(path(tn) + "/foto").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(PNG, png);
        given().auth().oauth2(f.citizen).header("If-None-Match", "\"" + sha256(PDF) + "\"")
                .get(path(tn) + "/ktp").then().statusCode(304);
    }

    @Test
    void aReplacementKeepsOneCurrentDocument() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        upload(f.citizen, tn, "ktp", "image/jpeg", JPEG).statusCode(200).body("format", equalTo("JPEG"));
        given().auth().oauth2(f.citizen).get(path(tn)).then().statusCode(200)
                .body("requirementCode", contains("ktp")).body("sha256", contains(sha256(JPEG)));
        assertArrayEquals(JPEG, given().auth().oauth2(f.citizen).get(path(tn) + "/ktp").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray());
    }

    @Test
    void racingReplacementsLeaveOneConsistentDocument() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] body = i % 2 == 0 ? PDF : JPEG;
                results.add(pool.submit(() -> upload(f.citizen, tn, "ktp", "application/octet-stream", body)
                        .extract().statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }
        String listed = given().auth().oauth2(f.citizen).get(path(tn)).then().statusCode(200)
                .body("size()", equalTo(1)).extract().path("[0].sha256");
        byte[] content = given().auth().oauth2(f.citizen).get(path(tn) + "/ktp").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(listed, sha256(content));
    }

    @Test
    void wrongContentIsRefusedWhateverItClaims() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        byte[] text = "this is a renamed .txt, not a PDF".getBytes(StandardCharsets.UTF_8);
        upload(f.citizen, tn, "ktp", "application/pdf", text).statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("document-format-unrecognised"));
        // A real PNG where the requirement takes only PDF or JPEG.
        upload(f.citizen, tn, "ktp", "application/pdf", PNG).statusCode(415)
                .body("code", equalTo("document-format-not-accepted"));
        upload(f.citizen, tn, "ktp", "application/pdf", new byte[0]).statusCode(400)
                .body("errors.field", contains("body"));
        given().auth().oauth2(f.citizen).get(path(tn)).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void documentsPastTheLimitAreRefused() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(f.citizen, tn, "ktp", "application/pdf", big).statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("document-too-large"));
        byte[] justFits = new byte[10 * 1024 * 1024];
        System.arraycopy(PDF, 0, justFits, 0, PDF.length);
        upload(f.citizen, tn, "ktp", "application/pdf", justFits).statusCode(200).body("size", equalTo(justFits.length));
    }

    /**
     * A file near the limit goes in and out intact, stored in 256 KiB chunks (neither direction holds
     * it whole); one over the limit sent without a declared length is stopped while it streams.
     */
    @Test
    void largeDocumentsStreamInAndOutIntact() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        byte[] big = new byte[9_900 * 1024];
        new java.util.Random(7).nextBytes(big);
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(f.citizen, tn, "ktp", "application/pdf", big).statusCode(200)
                .body("size", equalTo(big.length)).body("sha256", equalTo(sha256(big)));
        byte[] back = given().auth().oauth2(f.citizen).get(path(tn) + "/ktp").then().statusCode(200)
                .contentType("application/pdf").header("Content-Length", String.valueOf(big.length))
                .header("ETag", "\"" + sha256(big) + "\"").extract().asByteArray();
        assertArrayEquals(big, back);
        // 9,900 KiB in chunks of 256 KiB.
        assertEquals(39L, chunks(tn, "ktp"));

        // 10 MB + 1 byte, chunked (no Content-Length): refused mid-stream; the stored document stays.
        byte[] over = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, over, 0, PDF.length);
        given().auth().oauth2(f.citizen).contentType("application/pdf")
                .body(new java.io.ByteArrayInputStream(over)).put(path(tn) + "/ktp").then().statusCode(413)
                .body("code", equalTo("document-too-large"));
        given().auth().oauth2(f.citizen).get(path(tn)).then().statusCode(200)
                .body("sha256", contains(sha256(big)));
        assertEquals(39L, chunks(tn, "ktp"));

        // A small replacement leaves only its own chunk.
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        assertEquals(1L, chunks(tn, "ktp"));
        assertEquals(1L, allChunksOf(tn));
    }

    /**
     * HTTP/1.1 allows one framing per message: a download sends Content-Length and is not chunked as
     * well (Node's fetch refuses a response with both), for a single chunk and for several.
     */
    @Test
    void aDownloadIsFramedByItsLengthAlone() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        byte[] big = new byte[600 * 1024 + 3];
        new java.util.Random(11).nextBytes(big);
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        upload(f.citizen, tn, "kk", "application/pdf", big).statusCode(200);
        for (var file : Map.of("ktp", PDF, "kk", big).entrySet()) {
            RawHttp.Answer answer = RawHttp.get(path(tn) + "/" + file.getKey(), "Authorization: Bearer " + f.citizen);
            assertEquals(200, answer.status());
            assertEquals(List.of(), answer.all("Transfer-Encoding"), "a download with its length is not chunked");
            assertEquals(List.of(String.valueOf(file.getValue().length)), answer.all("Content-Length"));
            assertArrayEquals(file.getValue(), answer.body());
        }
        RawHttp.Answer unchanged = RawHttp.get(path(tn) + "/ktp", "Authorization: Bearer " + f.citizen,
                "If-None-Match: \"" + sha256(PDF) + "\"");
        assertEquals(304, unchanged.status());
        assertEquals(List.of(), unchanged.all("Transfer-Encoding"));
    }

    private static long chunks(String tn, String requirement) throws Throwable {
        return StoredChunks.count("c.file_id in (select d.file_id from application_document d join application a "
                + "on a.id = d.application_id where a.tracking_number = ?1 and d.requirement_code = ?2)", tn, requirement);
    }

    /** Chunks of any version of the application's documents: replaced versions leave none behind. */
    private static long allChunksOf(String tn) throws Throwable {
        return StoredChunks.count(StoredChunks.UNOWNED + " or c.file_id in (select d.file_id from application_document d "
                + "join application a on a.id = d.application_id where a.tracking_number = ?1)", tn);
    }

    @Test
    void unknownRequirementsApplicationsAndMissingDocumentsAre404() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        upload(f.citizen, tn, "npwp", "application/pdf", PDF).statusCode(404)
                .body("code", equalTo("requirement-not-found"));
        upload(f.citizen, "BDG-000000-XXXXXX", "ktp", "application/pdf", PDF).statusCode(404);
        given().auth().oauth2(f.citizen).get(path(tn) + "/ktp").then().statusCode(404)
                .body("code", equalTo("document-not-found"));
        given().get(path(tn)).then().statusCode(401);
    }

    @Test
    void onlyTheApplicantUploadsAndOnlyWhileTheFileCanChange() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        String stranger = TestTokens.citizen(UUID.randomUUID().toString());
        upload(stranger, tn, "ktp", "application/pdf", PDF).statusCode(404);
        upload(f.officer, tn, "ktp", "application/pdf", PDF).statusCode(403);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        upload(f.citizen, tn, "kk", "application/pdf", PDF).statusCode(200);
        ApplicationFixtures.as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
        upload(f.citizen, tn, "kk", "image/jpeg", JPEG).statusCode(409).body("code", equalTo("application-not-editable"));
        // Returned for revision, the applicant may replace a document again.
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "return", Map.of("note", "KK tidak terbaca")).statusCode(200);
        upload(f.citizen, tn, "kk", "image/jpeg", JPEG).statusCode(200);
        ApplicationFixtures.as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
    }

    @Test
    void theAgencysStaffReadDocumentsOthersDoNot() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        String tn = draft(f);
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        assertArrayEquals(PDF, given().auth().oauth2(f.officer).get(path(tn) + "/ktp").then().statusCode(200)
                .extract().asByteArray());
        given().auth().oauth2(f.supervisor).get(path(tn)).then().statusCode(200).body("requirementCode", contains("ktp"));
        String stranger = TestTokens.citizen(UUID.randomUUID().toString());
        given().auth().oauth2(stranger).get(path(tn) + "/ktp").then().statusCode(404)
                .body("code", equalTo("application-not-found"));
        given().auth().oauth2(stranger).get(path(tn)).then().statusCode(404);
        String otherAgency = TestTokens.staff(Roles.OFFICER, "OTHER-AGENCY", "MPP-BDG");
        given().auth().oauth2(otherAgency).get(path(tn) + "/ktp").then().statusCode(404);
    }

    @Test
    void submissionNeedsEveryMandatoryDocument() {
        ApplicationFixtures f = new ApplicationFixtures(false, true);
        // Filing straight away cannot be complete: no documents yet.
        file(f.citizen, f.body(ApplicationFixtures.form())).statusCode(422).body("code", equalTo("documents-missing"))
                .body("errors.field", containsInAnyOrder("documents.ktp", "documents.kk"));
        String tn = draft(f);
        String submit = "/api/v1/applications/" + tn + "/submit";
        ApplicationFixtures.as(f.citizen).post(submit).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("documents-missing"))
                .body("errors.field", containsInAnyOrder("documents.ktp", "documents.kk"))
                .body("errors.code", contains("document-missing", "document-missing"));
        upload(f.citizen, tn, "ktp", "application/pdf", PDF).statusCode(200);
        ApplicationFixtures.as(f.citizen).header("Accept-Language", "en").post(submit).then().statusCode(422)
                .body("errors.field", contains("documents.kk"))
                .body("detail", equalTo("The application cannot be submitted without the mandatory documents: kk."));
        given().auth().oauth2(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("state", equalTo("DRAFT"));
        // The optional photo is not needed.
        upload(f.citizen, tn, "kk", "image/jpeg", JPEG).statusCode(200);
        ApplicationFixtures.as(f.citizen).post(submit).then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }
}
