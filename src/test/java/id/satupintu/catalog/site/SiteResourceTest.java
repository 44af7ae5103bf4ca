package id.satupintu.catalog.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class SiteResourceTest {

    public static String newCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String site(String code, String zone) {
        return """
            {"code":"%s","kind":"MPP","name":"MPP Uji","address":"Jl. Uji No. 1","city":"Kota Uji",
             "provinceCode":"73","latitude":-5.14,"longitude":119.41,"timeZone":"%s",
             "openingHours":[{"day":"MONDAY","opens":"08:00","closes":"15:00"},
                             {"day":"FRIDAY","opens":"08:00","closes":"11:30"}]}
            """.formatted(code, zone);
    }

    @Test
    void adminCreatesASiteAndAnyoneReadsIt() {
        String code = newCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site(code, "Asia/Makassar"))
                .when().post("/api/v1/sites")
                .then().statusCode(201).header("Location", endsWith("/api/v1/sites/" + code))
                .body("zone", equalTo("WITA"));

        String etag = given().when().get("/api/v1/sites/" + code)
                .then().statusCode(200).body("openingHours[1].closes", equalTo("11:30"))
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/sites/" + code).then().statusCode(304);
        given().when().get("/api/v1/sites?limit=200").then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = newCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site(code, "Asia/Jakarta"))
                .post("/api/v1/sites").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site(code, "Asia/Jakarta"))
                .post("/api/v1/sites").then().statusCode(409).body("code", equalTo("site-exists"));
    }

    @Test
    void citizenCannotWriteTheCatalog() {
        given().auth().oauth2(TestTokens.citizen("c")).contentType(ContentType.JSON).body(site(newCode(), "Asia/Jakarta"))
                .post("/api/v1/sites").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, "X", null)).contentType(ContentType.JSON)
                .body(site(newCode(), "Asia/Jakarta")).post("/api/v1/sites").then().statusCode(403);
        given().contentType(ContentType.JSON).body(site(newCode(), "Asia/Jakarta"))
                .post("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void badInputsAreProblems() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(site(newCode(), "Europe/Paris"))
                .post("/api/v1/sites").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("timeZone"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":\"lower case\"}")
                .post("/api/v1/sites").then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/v1/sites").then().statusCode(400).body("code", equalTo("malformed-json"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(site(newCode(), "Asia/Jakarta").replace("-5.14", "\"far\""))
                .post("/api/v1/sites").then().statusCode(400).body("errors[0].field", equalTo("latitude"))
                .body("errors[0].code", equalTo("wrong-type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(site(newCode(), "Asia/Jakarta").replace("\"11:30\"", "\"07:00\""))
                .post("/api/v1/sites").then().statusCode(400).body("errors[0].code", equalTo("closes-before-opens"));
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/sites").then().statusCode(415).body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("").post("/api/v1/sites")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownSiteIsNotFoundInBothLanguages() {
        given().when().get("/api/v1/sites/NOPE-123").then().statusCode(404)
                .body("code", equalTo("site-not-found")).body("detail", equalTo("Tidak ada lokasi layanan dengan kode NOPE-123."));
        given().header("Accept-Language", "en").when().get("/api/v1/sites/NOPE-123").then().statusCode(404)
                .body("title", equalTo("Service location not found"));
    }

    @Test
    void badCursorIsAProblem() {
        given().when().get("/api/v1/sites?cursor=!!!").then().statusCode(400).body("code", equalTo("invalid-cursor"));
        given().when().get("/api/v1/sites?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/v1/sites?limit=abc").then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("limit")).body("errors[0].code", equalTo("page-size"));
    }
}
