package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the HTTP layer refuses before any resource runs (platform/web/HttpEdge, BodyLimit, FormBodies):
 * every client mistake is a 4xx problem+json with a stable code, never a 500, an empty body or no
 * answer, and none is logged at ERROR. Raw sockets where REST Assured would repair the request.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class HttpEdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";


    @Test
    void aFormFieldOver64KiBIsA413Problem() {
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=password&password=x&username=" + "a".repeat(70 * 1024))
                .post("/api/v1/auth/token").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("form-field-too-large")).body("status", equalTo(413))
                .body("detail", equalTo("Satu isian formulir paling besar 64 KB."));
        given().contentType("application/x-www-form-urlencoded").header("Accept-Language", "en")
                .body("grant_type=password&password=x&username=" + "a".repeat(70 * 1024))
                .post("/api/v1/auth/token").then().statusCode(413)
                .body("detail", equalTo("A form field may be at most 64 KB long."));
    }

    /** At the end of the body the broken escape used to leave the request unanswered; earlier, a 500. */
    @Test
    void aBrokenEscapeInAFormIsA400ProblemWhereverItIs() throws Exception {
        for (String form : List.of("grant_type=password&password=x&username=%zz", "username=%zz&grant_type=password",
                "grant_type=password&username=%", "grant_type=password&username=%e2%82", "%zz=x&grant_type=password")) {
            RawHttp.Answer answer = post("/api/v1/auth/token", FORM, form.getBytes(StandardCharsets.US_ASCII));
            assertProblem(answer, 400, "malformed-form");
        }
        // A well-formed form still reaches the resource, which refuses the credentials.
        RawHttp.Answer fine = post("/api/v1/auth/token", FORM,
                "grant_type=password&username=no%20one&password=x".getBytes(StandardCharsets.US_ASCII));
        assertProblem(fine, 400, "invalid-grant");
    }

    @Test
    void aBrokenEscapeInTheUrlIsA400Problem() throws Exception {
        for (String target : List.of("/api/v1/services/%zz", "/api/v1/services?q=%", "/api/v1/services?q=%zz&limit=5",
                "/api/v1/%zz/services", "/graphql?query=%")) {
            RawHttp.Answer answer = RawHttp.get(target, "Accept-Language: en");
            assertProblem(answer, 400, "malformed-url");
            assertEquals("Malformed address", body(answer).path("title").asText(), target);
        }
    }

    @Test
    void anOverLongUrlIsA414Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.get("/api/v1/services?q=" + "a".repeat(5000));
        assertProblem(answer, 414, "url-too-long");
        assertEquals("Baris permintaan paling panjang 4096 karakter; kirim data yang panjang di dalam isi permintaan.",
                body(answer).path("detail").asText());
    }

    @Test
    void overLargeHeadersAreA431Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.get("/api/v1/services", "X-Padding: " + "a".repeat(20 * 1024));
        assertProblem(answer, 431, "headers-too-large");
        // Under the limit nothing changes.
        assertEquals(200, RawHttp.get("/api/v1/services", "X-Padding: " + "a".repeat(8 * 1024)).status());
    }

    /** Without Content-Length the JSON limit is counted as the body arrives. */
    @Test
    void aChunkedJsonBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] json = ("{\"grant_type\":\"password\",\"username\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.send("POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", RawHttp.chunked(json, 64 * 1024));
        assertProblem(answer, 413, "payload-too-large");
        // A small chunked body is read and reaches the resource.
        byte[] small = "{\"grant_type\":\"password\",\"username\":\"no one\",\"password\":\"x\"}"
                .getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer read = RawHttp.send("POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", RawHttp.chunked(small, 10));
        assertProblem(read, 400, "invalid-grant");
    }

    @Test
    void aChunkedFormIsCheckedToo() throws Exception {
        RawHttp.Answer answer = RawHttp.send("POST /api/v1/auth/token HTTP/1.1\r\n" + FORM
                + "Transfer-Encoding: chunked\r\n", RawHttp.chunked("grant_type=password&username=%zz"
                .getBytes(StandardCharsets.US_ASCII), 7));
        assertProblem(answer, 400, "malformed-form");
    }

    private static RawHttp.Answer post(String path, String headers, byte[] body) throws Exception {
        return RawHttp.send("POST " + path + " HTTP/1.1\r\n" + headers + "Content-Length: " + body.length + "\r\n", body);
    }

    static void assertProblem(RawHttp.Answer answer, int status, String code) throws Exception {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(status, answer.status(), text);
        assertTrue(answer.all("content-type").stream().anyMatch(t -> t.startsWith("application/problem+json")),
                answer.headers() + " " + text);
        JsonNode problem = body(answer);
        assertEquals(code, problem.path("code").asText(), text);
        assertEquals(status, problem.path("status").asInt(), text);
        assertTrue(!problem.path("title").asText().isEmpty(), text);
    }

    static JsonNode body(RawHttp.Answer answer) throws Exception {
        return JSON.readTree(answer.body());
    }
}
