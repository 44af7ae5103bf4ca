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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under /open311/v2 every error is GeoReport's, whoever raises it (the REST layer's 405, the HTTP edge's
 * 400, 413, 414 and 431): a JSON array of {code, description} for a .json path, {@code <errors>} XML
 * otherwise, never problem+json.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class Open311ErrorShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void aWrongMethodIsAGeoReportError() {
        given().when().delete("/open311/v2/services.json").then().statusCode(405)
                .contentType(startsWith("application/json"))
                .body("[0].code", equalTo(405)).body("[0].description", equalTo("Metode tidak diizinkan"));
        given().header("Accept-Language", "en").when().put("/open311/v2/requests.xml").then().statusCode(405)
                .contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("405"))
                .body("errors.error.description", equalTo("Method not allowed"));
    }

    @Test
    void aBodyOverTheLimitIsAGeoReportError() throws Exception {
        byte[] form = ("description=" + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer announced = RawHttp.send("POST /open311/v2/requests.xml HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n", form);
        assertGeoReportXml(announced, 413);
        RawHttp.Answer chunked = RawHttp.send("POST /open311/v2/requests.json HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n",
                RawHttp.chunked(form, 64 * 1024));
        assertGeoReportJson(chunked, 413);
        RawHttp.Answer field = RawHttp.send("POST /open311/v2/requests.json HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (70 * 1024 + 12) + "\r\n",
                ("description=" + "a".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII));
        assertGeoReportJson(field, 413);
    }

    @Test
    void aBrokenUrlIsAGeoReportError() throws Exception {
        assertGeoReportJson(RawHttp.get("/open311/v2/services/%zz.json"), 400);
        assertGeoReportJson(RawHttp.get("/open311/v2/services.json?jurisdiction_id=%"), 400);
        RawHttp.Answer xml = RawHttp.get("/open311/v2/services.xml?jurisdiction_id=%zz", "Accept-Language: en");
        assertGeoReportXml(xml, 400);
        assertTrue(text(xml).contains("<description>The address has a broken percent-escape"), text(xml));
    }

    @Test
    void anOverLongUrlOrHeaderIsAGeoReportError() throws Exception {
        assertGeoReportJson(RawHttp.get("/open311/v2/services.json?jurisdiction_id=" + "a".repeat(5000)), 414);
        assertGeoReportXml(RawHttp.get("/open311/v2/discovery.xml", "X-Padding: " + "a".repeat(20 * 1024)), 431);
    }

    private static void assertGeoReportJson(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), text(answer));
        assertTrue(answer.all("content-type").stream().anyMatch(t -> t.startsWith("application/json")),
                answer.headers().toString());
        JsonNode errors = JSON.readTree(answer.body());
        assertTrue(errors.isArray() && errors.size() >= 1, text(answer));
        assertEquals(status, errors.get(0).path("code").asInt(), text(answer));
        assertTrue(!errors.get(0).path("description").asText().isEmpty(), text(answer));
    }

    private static void assertGeoReportXml(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), text(answer));
        assertTrue(answer.all("content-type").stream().anyMatch(t -> t.startsWith("text/xml")),
                answer.headers().toString());
        assertTrue(text(answer).contains("<errors><error><code>" + status + "</code><description>"), text(answer));
    }

    private static String text(RawHttp.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
