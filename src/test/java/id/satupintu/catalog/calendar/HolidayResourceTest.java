package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarTestSites;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Holidays of later years, entered by an admin. Uses years far from 2026-2027 (see CalendarResourceTest). */
@QuarkusTest
class HolidayResourceTest {

    /** A year no test has entered holidays for yet (other tests leave theirs behind). */
    static int farYear() {
        while (true) {
            int year = ThreadLocalRandom.current().nextInt(2060, 2099);
            boolean known = given().get("/api/v1/calendar/holidays?year=" + year).then().statusCode(200)
                    .extract().path("known");
            if (!known) {
                return year;
            }
        }
    }

    static String holiday(String date, String kind, String name) {
        return """
            {"date":"%s","kind":"%s","name":"%s","source":"SKB uji"}""".formatted(date, kind, name);
    }

    @Test
    void shipped2026HasSeventeenHolidaysAndEightCutiBersama() {
        given().when().get("/api/v1/calendar/holidays?year=2026").then().statusCode(200)
                .body("known", equalTo(true)).body("holidays", hasSize(25))
                .body("holidays.findAll { it.kind == 'LIBUR_NASIONAL' }", hasSize(17))
                .body("holidays.findAll { it.kind == 'CUTI_BERSAMA' }", hasSize(8))
                .body("holidays[0].date", equalTo("2026-01-01"));
        given().when().get("/api/v1/calendar/holidays?year=2027").then().statusCode(200)
                .body("known", equalTo(false)).body("holidays", empty());
    }

    @Test
    void adminAddsAYearAndTheCalendarUsesIt() {
        int year = farYear();
        String admin = TestTokens.admin();
        // Choose a Wednesday of that year so the day is a working day before the holiday is entered.
        String date = java.time.LocalDate.of(year, 3, 1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY)).toString();
        String site = CalendarTestSites.create("Asia/Jakarta");
        String url = "/api/v1/sites/" + site + "/calendar/add-working-days?days=0&from=" + date;
        given().when().get(url).then().statusCode(200).body("date", equalTo(date)).body("holidaysKnown", equalTo(false));

        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(holiday(date, "LIBUR_NASIONAL", "Hari Uji"))
                .when().post("/api/v1/calendar/holidays")
                .then().statusCode(201).body("kind", equalTo("LIBUR_NASIONAL")).extract().path("id");
        given().when().get("/api/v1/calendar/holidays?year=" + year).then().statusCode(200)
                .body("known", equalTo(true)).body("holidays.id", hasItem(id));
        given().when().get(url).then().statusCode(200).body("date", not(equalTo(date)))
                .body("holidaysKnown", equalTo(true));

        given().auth().oauth2(admin).when().delete("/api/v1/calendar/holidays/" + id).then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/v1/calendar/holidays/" + id).then().statusCode(404)
                .body("code", equalTo("holiday-not-found"));
        given().when().get(url).then().statusCode(200).body("date", equalTo(date));
    }

    @Test
    void theSameHolidayTwiceIsAConflictEvenWhenRacing() {
        String body = holiday(farYear() + "-08-17", "LIBUR_NASIONAL", "Hari Balapan");
        String admin = TestTokens.admin();
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/calendar/holidays").statusCode()));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/calendar/holidays")
                .then().statusCode(409).body("code", equalTo("holiday-exists"));
    }

    @Test
    void onlyAnAdminWritesHolidays() {
        String body = holiday(farYear() + "-01-02", "CUTI_BERSAMA", "Cuti Uji");
        given().auth().oauth2(TestTokens.citizen("w1")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calendar/holidays").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.staff(Roles.SUPERVISOR, "DPMPTSP", null)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/calendar/holidays").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/calendar/holidays").then().statusCode(401);
        given().when().delete("/api/v1/calendar/holidays/6f1c8e59-8d0e-4a4e-9b7a-2f1f7d3c1a11").then().statusCode(401);
        given().auth().oauth2(TestTokens.citizen("w1"))
                .when().delete("/api/v1/calendar/holidays/6f1c8e59-8d0e-4a4e-9b7a-2f1f7d3c1a11").then().statusCode(403);
    }

    @Test
    void badHolidaysAreProblems() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"kind\":\"LIBUR_DAERAH\"}")
                .post("/api/v1/calendar/holidays").then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].code", equalTo("wrong-type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/calendar/holidays").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("date", "kind", "name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(holiday("2026-02-30", "CUTI_BERSAMA", "x"))
                .post("/api/v1/calendar/holidays").then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(holiday("1999-12-31", "CUTI_BERSAMA", "x"))
                .post("/api/v1/calendar/holidays").then().statusCode(400)
                .body("errors[0].code", equalTo("year-out-of-range"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(holiday("2070-01-01", "CUTI_BERSAMA", "x".repeat(201)))
                .post("/api/v1/calendar/holidays").then().statusCode(400).body("errors[0].code", equalTo("size"));
        given().auth().oauth2(admin).when().delete("/api/v1/calendar/holidays/not-a-uuid").then().statusCode(400);
        given().when().get("/api/v1/calendar/holidays").then().statusCode(400).body("errors[0].code", equalTo("required"));
        given().when().get("/api/v1/calendar/holidays?year=dua").then().statusCode(400)
                .body("errors[0].code", equalTo("wrong-type"));
        given().when().get("/api/v1/calendar/holidays?year=3000").then().statusCode(400)
                .body("errors[0].code", equalTo("year-out-of-range"));
    }
}
