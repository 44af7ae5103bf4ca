package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarTestSites;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteClosureResourceTest {

    static final String RENOVATION = """
        {"startsOn":"2026-04-06","endsOn":"2026-04-08","reason":"Renovasi ruang layanan"}""";

    @Test
    void aClosureStopsTheClockAtThatSiteOnly() {
        String closed = CalendarTestSites.create("Asia/Jakarta");
        String open = CalendarTestSites.create("Asia/Jakarta");
        String admin = TestTokens.admin();
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(RENOVATION)
                .when().post("/api/v1/sites/" + closed + "/closures")
                .then().statusCode(201).body("siteCode", equalTo(closed)).extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/sites/" + closed + "/closures/" + id));
        // Thu 2 April: Fri 3 is Good Friday, then the weekend (Easter Sunday), then the closure Mon-Wed.
        given().when().get("/api/v1/sites/" + closed + "/calendar/add-working-days?from=2026-04-02&days=1")
                .then().statusCode(200).body("date", equalTo("2026-04-09"));
        given().when().get("/api/v1/sites/" + open + "/calendar/add-working-days?from=2026-04-02&days=1")
                .then().statusCode(200).body("date", equalTo("2026-04-06"));
        given().when().get("/api/v1/sites/" + closed + "/calendar?from=2026-04-01&to=2026-04-10")
                .then().statusCode(200).body("workingDays", equalTo(4))
                .body("nonWorkingDays.date", contains("2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06",
                        "2026-04-07", "2026-04-08"))
                .body("nonWorkingDays[3].reasons[0].kind", equalTo("SITE_CLOSURE"))
                .body("nonWorkingDays[3].reasons[0].name", equalTo("Renovasi ruang layanan"))
                .body("nonWorkingDays[3].reasons[0].closureId", equalTo(id));
        given().when().get("/api/v1/sites/" + closed + "/closures").then().statusCode(200)
                .body("id", contains(id)).body("[0].startsOn", equalTo("2026-04-06"));

        // Another site's code does not reach this closure.
        given().auth().oauth2(admin).when().delete("/api/v1/sites/" + open + "/closures/" + id)
                .then().statusCode(404).body("code", equalTo("site-closure-not-found"));
        given().auth().oauth2(admin).when().delete("/api/v1/sites/" + closed + "/closures/" + id)
                .then().statusCode(204);
        given().when().get("/api/v1/sites/" + closed + "/closures").then().statusCode(200).body("$", empty());
        given().when().get("/api/v1/sites/" + closed + "/calendar/add-working-days?from=2026-04-02&days=1")
                .then().statusCode(200).body("date", equalTo("2026-04-06"));
    }

    @Test
    void onlyAnAdminClosesASite() {
        String site = CalendarTestSites.create("Asia/Jakarta");
        given().auth().oauth2(TestTokens.citizen("w2")).contentType(ContentType.JSON).body(RENOVATION)
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(403);
        given().contentType(ContentType.JSON).body(RENOVATION)
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(401);
        given().when().delete("/api/v1/sites/" + site + "/closures/6f1c8e59-8d0e-4a4e-9b7a-2f1f7d3c1a11")
                .then().statusCode(401);
    }

    @Test
    void badClosuresAreProblems() {
        String site = CalendarTestSites.create("Asia/Jakarta");
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"startsOn\":\"2026-04-08\",\"endsOn\":\"2026-04-06\",\"reason\":\"x\"}")
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(400)
                .body("errors[0].field", equalTo("endsOn")).body("errors[0].code", equalTo("before-start"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2028-01-01\",\"reason\":\"x\"}")
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(400)
                .body("errors[0].code", equalTo("range-too-long"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"startsOn\":\"kemarin\"}")
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(400)
                .body("errors[0].field", equalTo("startsOn"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(400)
                .body("errors.field", contains("endsOn", "reason", "startsOn"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(RENOVATION)
                .post("/api/v1/sites/NOPE-404/closures").then().statusCode(404).body("code", equalTo("site-not-found"));
        given().when().get("/api/v1/sites/NOPE-404/closures").then().statusCode(404);
        given().auth().oauth2(admin).when().delete("/api/v1/sites/" + site + "/closures/123").then().statusCode(400);
    }
}
