package id.satupintu.platform.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind PgBouncer the pool and the LISTEN connection go to different addresses
 * (k8s/overlays/prod): the listener must use satupintu.events.listen-url, not the pool's URL. Pointed
 * at a port where nothing listens, readiness says this replica hears no events while the pool works.
 */
@QuarkusTest
@TestProfile(EventListenUrlTest.NowhereToListen.class)
class EventListenUrlTest {

    public static class NowhereToListen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("satupintu.events.listen-url", "postgresql://127.0.0.1:1/nowhere");
        }
    }

    @Test
    void theListenerUsesItsOwnAddress() {
        given().when().get("/api/v1/sites").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'event-listener' }.status", equalTo("DOWN"))
                .body("checks.name", hasItem("event-listener"));
    }
}
