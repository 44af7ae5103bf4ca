package id.satupintu.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Service discovery and the parts every GeoReport call shares: the format from the extension, the
 * XML declaration, and errors in the specification's shape with its status codes. The expected
 * shapes are those of the examples on wiki.open311.org/Service_Discovery and GeoReport_v2 "Errors".
 */
@QuarkusTest
class Open311DiscoveryTest {

    @Test
    void discoveryInXmlHasTheSpecificationsFields() {
        String body = given().get("/open311/v2/discovery.xml").then().statusCode(200)
                .contentType(startsWith("text/xml"))
                .header("Content-Type", equalTo("text/xml; charset=utf-8"))
                .body("discovery.changeset", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("discovery.contact", not(equalTo("")))
                .body("discovery.key_service", not(equalTo("")))
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.url", endsWith("/open311/v2"))
                .body("discovery.endpoints.endpoint.type", equalTo("production"))
                .body("discovery.endpoints.endpoint.formats.format", contains("text/xml", "application/json"))
                .extract().asString();
        // "the root element must be preceded with the XML declaration including the encoding attribute"
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), body);
    }

    @Test
    void discoveryInJsonFollowsTheSparkConvention() {
        // {"changeset":..., "contact":..., "key_service":..., "endpoints":[{"specification":..., "formats":["text/xml", ...]}]}
        given().get("/open311/v2/discovery.json").then().statusCode(200)
                .header("Content-Type", equalTo("application/json; charset=utf-8"))
                .body("endpoints", hasSize(1))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].formats", contains("text/xml", "application/json"))
                .body("endpoints[0].changeset", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("key_service", not(equalTo("")));
    }

    @Test
    void discoveryTalksEnglishWhenAsked() {
        given().header("Accept-Language", "en").get("/open311/v2/discovery.json").then().statusCode(200)
                .body("key_service", startsWith("The api_key is"));
        given().get("/open311/v2/discovery.json").then().statusCode(200)
                .body("key_service", startsWith("api_key adalah"));
    }

    @Test
    void withoutExtensionTheAnswerIsXmlTheRequiredFormat() {
        given().get("/open311/v2/discovery").then().statusCode(200).contentType(startsWith("text/xml"))
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"));
    }

    @Test
    void anUnknownFormatIsA400InXml() {
        given().get("/open311/v2/discovery.yaml").then().statusCode(400).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", equalTo("Format \"yaml\" tidak tersedia; gunakan .xml atau .json."));
    }

    @Test
    void anUnknownResourceIsA404InTheFormatAskedFor() {
        // <errors><error><code>404</code><description>...</description></error></errors>
        given().get("/open311/v2/nothing.xml").then().statusCode(404).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", not(equalTo("")));
        // [{"code":404,"description":"..."}]
        given().header("Accept-Language", "en").get("/open311/v2/nothing/else.json").then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("[0].code", equalTo(404))
                .body("[0].description", equalTo("This Open311 resource does not exist. See discovery.xml."));
        given().contentType("application/x-www-form-urlencoded").formParam("a", "b")
                .post("/open311/v2/discovery.json").then().statusCode(404)
                .body("[0].code", equalTo(404));
    }
}
