package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknownAddressIsAProblemInIndonesianByDefault() {
        given().when().get("/api/v1/does-not-exist")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("code", equalTo("not-found"))
                .body("title", equalTo("Tidak ditemukan"))
                .body("instance", equalTo("/api/v1/does-not-exist"));
    }

    @Test
    void englishOnRequest() {
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/api/v1/does-not-exist")
                .then().statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"));
    }

    @Test
    void unsupportedLanguageFallsBackToIndonesian() {
        given().header("Accept-Language", "fr-FR").when().get("/api/v1/does-not-exist")
                .then().statusCode(404).body("title", equalTo("Tidak ditemukan"));
    }

    @TestHTTPResource("/api/v1/sites")
    java.net.URL sites;

    /** Announces a body over the limit; the service must refuse it before reading it. */
    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String response = announce("application/octet-stream", 13 * 1024 * 1024);
        org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 413"), response);
        org.junit.jupiter.api.Assertions.assertTrue(response.contains("application/problem+json"), response);
        org.junit.jupiter.api.Assertions.assertTrue(response.contains("\"code\":\"payload-too-large\""), response);
    }

    /** JSON is small: two megabytes of it is refused, while an upload of that size is not. */
    @Test
    void jsonHasASmallerLimitThanUploads() throws Exception {
        String json = announce("application/json", 2 * 1024 * 1024);
        org.junit.jupiter.api.Assertions.assertTrue(json.startsWith("HTTP/1.1 413"), json);
        String upload = announce("application/octet-stream", 2 * 1024 * 1024);
        org.junit.jupiter.api.Assertions.assertFalse(upload.startsWith("HTTP/1.1 413"), upload);
    }

    private String announce(String contentType, long length) throws Exception {
        try (var socket = new java.net.Socket(sites.getHost(), sites.getPort())) {
            socket.setSoTimeout(5000);
            String request = "POST /api/v1/sites HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n{";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (!contentType.contains("json")) {
                socket.shutdownOutput();
            }
            byte[] head = new byte[4096];
            int n = socket.getInputStream().read(head);
            return n < 0 ? "" : new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void emptyJsonBodyIsAProblem() {
        for (String path : new String[] {"/api/v1/auth/register", "/api/v1/auth/token"}) {
            given().contentType("application/json").body("").when().post(path)
                    .then().log().ifValidationFails().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void nulCharactersAreClientMistakesNotServerErrors() {
        given().contentType("application/json").body("{\"fullName\":\"a\\u0000b\"}").when().post("/api/v1/auth/register")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("fullName"));
        given().formParam("grant_type", "password").formParam("username", "a\u0000b").formParam("password", "x")
                .when().post("/api/v1/auth/token").then().statusCode(400);
        given().when().get("/api/v1/services?site=%00").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }
}
