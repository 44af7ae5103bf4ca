package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SLO rules and the dashboard in k8s/base select metrics by name, route template and bucket:
 * if the service stopped publishing any of them, the alerts would silently never fire.
 */
@QuarkusTest
class RequestMetricsTest {

    @Test
    void everyRouteAndBucketTheSloRulesSelectIsPublished() throws Exception {
        given().when().get("/api/v1/applications/SP-NOPE-0000/status").then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/api/v1/sites/NOPE/tickets");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        String rules = Files.readString(Path.of("k8s/base/prometheusrule.yaml"));
        Matcher bucket = Pattern.compile("method=\"(\\w+)\",uri=\"([^\"]+)\",le=\"([0-9.]+)\"").matcher(rules);
        int selected = 0;
        while (bucket.find()) {
            selected++;
            String method = bucket.group(1), uri = bucket.group(2), le = bucket.group(3);
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                            && line.contains("method=\"" + method + "\"") && line.contains("uri=\"" + uri + "\"")
                            && line.contains("le=\"" + le + "\"")),
                    "no bucket le=" + le + " for " + method + " " + uri + " in /q/metrics");
        }
        assertTrue(selected >= 2, "the rules select the status read and ticket issue buckets");
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), "request counts (rate, errors)");
    }
}
