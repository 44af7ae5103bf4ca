package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The three endpoints k8s/base/deployment.yaml probes must exist and answer UP. */
@QuarkusTest
class KubernetesProbesTest {

    @Test
    void startupLivenessAndReadinessAnswerUp() {
        for (String probe : new String[] {"started", "live", "ready"}) {
            given().when().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
