package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public status is one SQL statement (ApplicationStatusReader): its deadline and working days
 * left must be the ones the detail computes with the calendar in Java, running, late, paused and
 * decided, and its ETag must move with what it shows even when the row's updatedAt does not.
 */
@QuarkusTest
class ApplicationStatusReadTest {

    private static JsonPath status(String tn) {
        return given().get("/api/v1/applications/" + tn + "/status").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=10")).extract().jsonPath();
    }

    private static void sameClockAsDetail(ApplicationFixtures f, String tn) {
        JsonPath detail = as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200).extract().jsonPath();
        JsonPath status = status(tn);
        assertEquals(detail.getString("state"), status.getString("state"));
        assertEquals(detail.getString("sla.deadline"), status.getString("deadline"));
        assertEquals((Integer) detail.get("sla.workingDaysLeft"), (Integer) status.get("workingDaysLeft"), tn);
        assertEquals(detail.getString("updatedAt"), status.getString("updatedAt"));
        assertEquals(detail.getString("submittedAt"), status.getString("submittedAt"));
        assertEquals((Integer) detail.get("ossStatusCode"), (Integer) status.get("ossStatusCode"));
        assertEquals((Boolean) detail.get("sla.holidaysKnown"), (Boolean) status.get("holidaysKnown"), tn);
    }

    /**
     * A deadline counted into a year whose holidays are not entered yet (2027 in these tests) may move
     * once they are: the detail and the status say it is provisional. One due today is not.
     */
    @Test
    void aDeadlineInAYearWithoutHolidaysIsProvisional() {
        ApplicationFixtures longOne = ApplicationFixtures.completingIn(300);
        String tn = longOne.submitted();
        as(longOne.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("sla.holidaysKnown", equalTo(false));
        given().get("/api/v1/applications/" + tn + "/status").then().statusCode(200)
                .body("holidaysKnown", equalTo(false));
        sameClockAsDetail(longOne, tn);

        // Zero working days: due on the day it was submitted (or the next working day), in 2026.
        ApplicationFixtures sameDay = ApplicationFixtures.completingIn(0);
        String today = sameDay.submitted();
        as(sameDay.officer).get("/api/v1/applications/" + today).then().statusCode(200)
                .body("sla.holidaysKnown", equalTo(true));
        given().get("/api/v1/applications/" + today + "/status").then().statusCode(200)
                .body("holidaysKnown", equalTo(true));
        sameClockAsDetail(sameDay, today);
    }

    @Test
    void workingDaysLeftAreTheCalendarsRunningLateAndPaused() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        sameClockAsDetail(f, tn);
        // Across Christmas and its cuti bersama (24 and 25 December 2026), and into a year without holidays.
        ApplicationFixtures.deadline(tn, "2026-12-31");
        sameClockAsDetail(f, tn);
        ApplicationFixtures.deadline(tn, "2027-01-15");
        sameClockAsDetail(f, tn);
        // Late: negative.
        ApplicationFixtures.deadline(tn, "2026-01-05");
        sameClockAsDetail(f, tn);
        ApplicationFixtures.deadline(tn, "2026-12-31");
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "return", Map.of("note", "Lengkapi alamat")).statusCode(200);
        // Paused: counted from the day the clock stopped.
        sameClockAsDetail(f, tn);
        as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
        sameClockAsDetail(f, tn);
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "verify").statusCode(200);
        act(f.supervisor, tn, "approve").statusCode(200);
        sameClockAsDetail(f, tn);
        given().get("/api/v1/applications/" + tn + "/status").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("workingDaysLeft", nullValue())
                .body("ossStatusCode", equalTo(50));
    }

    @Test
    void etagFollowsWhatIsShown() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        Response first = given().get("/api/v1/applications/" + tn + "/status");
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/applications/" + tn + "/status").then().statusCode(304)
                .header("ETag", equalTo(etag));
        // Typed in lower case: the same representation, so the same ETag.
        given().header("If-None-Match", etag).get("/api/v1/applications/" + tn.toLowerCase() + "/status").then()
                .statusCode(304);
        // The deadline moves without the row's updatedAt changing: the days left change, so must the ETag.
        ApplicationFixtures.deadline(tn, "2026-12-31");
        String moved = given().header("If-None-Match", etag).get("/api/v1/applications/" + tn + "/status").then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, moved);
        act(f.officer, tn, "start-verification").statusCode(200);
        given().header("If-None-Match", moved).get("/api/v1/applications/" + tn + "/status").then().statusCode(200)
                .body("state", equalTo("IN_VERIFICATION"));
        // A wrong check symbol is refused before the database is asked; an unknown number after.
        String wrongCheck = tn.substring(0, tn.length() - 1) + (tn.endsWith("0") ? "1" : "0");
        given().get("/api/v1/applications/" + wrongCheck + "/status").then().statusCode(404)
                .body("code", equalTo("application-not-found"));
        given().header("Accept-Language", "en").get("/api/v1/applications/BDG-261123-AAAAAA-0/status").then()
                .statusCode(404).body("code", equalTo("application-not-found"));
    }

    /** pgbench in bench/applications.sh must run the very statement the service runs. */
    @Test
    void benchmarkRunsTheServicesStatement() throws Exception {
        String bench = Files.readString(Path.of("bench/applications-status.sql"));
        String statement = bench.lines().filter(line -> !line.startsWith("\\") && !line.startsWith("--"))
                .reduce("", (a, b) -> a + b).trim();
        String expected = ApplicationStatusReader.SQL.replace("$1",
                "(select tracking_number from bench_status_number where n = :n)").replace("$2", "now()");
        assertEquals(expected, statement);
    }
}
