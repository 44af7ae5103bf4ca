package id.satupintu.queue.counter;

import id.satupintu.queue.QueueFixtures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.satupintu.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoQueueTest {

    @Test
    void demoLanesHoldRealServicesAndTheDemoDevicesCanIssue() {
        for (String site : List.of("MPP-BDG", "MPP-MKS")) {
            List<String> codes = given().get("/api/v1/sites/" + site + "/lanes").then().statusCode(200)
                    .extract().path("serviceCodes.flatten()");
            assertFalse(codes.isEmpty());
            codes.forEach(code -> given().get("/api/v1/services/" + code).then().statusCode(200));
            given().get("/api/v1/sites/" + site + "/counters").then().statusCode(200).body("number", hasItems(1, 2, 3));
        }
        QueueFixtures.issue("MPP-BDG", QueueFixtures.device(Roles.DRIVE_THRU, "MPP-BDG"), "DRIVE_THRU",
                QueueFixtures.SAMSAT, null).then().statusCode(201).body("lane", equalTo("S"));
    }
}
