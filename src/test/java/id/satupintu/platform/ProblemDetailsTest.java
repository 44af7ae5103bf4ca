package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }
}
