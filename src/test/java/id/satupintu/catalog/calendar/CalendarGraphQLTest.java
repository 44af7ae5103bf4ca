package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarTestSites;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarGraphQLTest {

    static ValidatableResponse graphql(String query, String variables) {
        return given().accept("application/graphql-response+json").contentType("application/json")
                .body("{\"query\":\"" + query.replace("\"", "\\\"").replace("\n", "\\n") + "\",\"variables\":" + variables + "}")
                .when().post("/graphql").then().log().ifValidationFails();
    }

    @Test
    void theSameAnswersAsRestInOneRequest() {
        String site = CalendarTestSites.create("Asia/Jayapura");
        graphql("""
                query($site: String!) {
                  due: addWorkingDays(siteCode: $site, from: "2026-12-23", days: 1) { date timeZone holidaysKnown }
                  next: addWorkingDays(siteCode: $site, days: 0, at: "2026-03-17T16:30:00Z") { from date }
                  count: workingDays(siteCode: $site, from: "2026-03-13", to: "2026-03-27") { count }
                  march: calendar(siteCode: $site, from: "2026-03-18", to: "2026-03-20") {
                    workingDays nonWorkingDays { date weekday reasons { kind name } }
                  }
                  y2027: holidays(year: 2027) { known }
                }""", "{\"site\":\"" + site + "\"}")
                .statusCode(200)
                .body("data.due.date", equalTo("2026-12-28")).body("data.due.timeZone", equalTo("Asia/Jayapura"))
                .body("data.due.holidaysKnown", equalTo(true))
                .body("data.next.from", equalTo("2026-03-18")).body("data.next.date", equalTo("2026-03-25"))
                .body("data.count.count", equalTo(5))
                .body("data.march.workingDays", equalTo(0))
                .body("data.march.nonWorkingDays.date", contains("2026-03-18", "2026-03-19", "2026-03-20"))
                .body("data.march.nonWorkingDays[1].weekday", equalTo("THURSDAY"))
                .body("data.march.nonWorkingDays[1].reasons[0].kind", equalTo("LIBUR_NASIONAL"))
                .body("data.y2027.known", equalTo(false));
    }

    @Test
    void clientMistakesAreFieldErrors() {
        String site = CalendarTestSites.create("Asia/Jakarta");
        graphql("query($site: String!) { addWorkingDays(siteCode: $site, from: \"2026-03-01\", days: -1) { date } }",
                "{\"site\":\"" + site + "\"}")
                .statusCode(200).body("data.addWorkingDays", equalTo(null))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].message", equalTo("Periksa kembali isian yang ditandai."));
    }
}
