package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Instants PostgreSQL's timestamptz cannot hold (it spans 4713 BC to 294276 AD; Java parses up to year
 * 999999999) are refused where the API reads them, in JSON bodies and query parameters alike, with the
 * field error {@code instant-out-of-range}: not a 500 from deep in a service, nor a filter the database
 * answers the wrong way round.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class StorableInstantsTest {

    static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";
    static final String FAR_PAST = "-5000-01-01T00:00:00Z";
    static final String OUT_OF_RANGE = "instant-out-of-range";


    @Test
    void aBookingAtAnInstantBeyondTheDatabaseIsRefused() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(weekdays())
                .put("/api/v1/sites/" + site + "/booking-hours/" + QueueFixtures.KTP).then().statusCode(200);
        String citizen = QueueFixtures.citizen();
        for (String at : List.of(FAR_FUTURE, FAR_PAST)) {
            outOfRange(given().auth().oauth2(citizen).contentType(ContentType.JSON)
                    .body(Map.of("serviceCode", QueueFixtures.KTP, "startsAt", at))
                    .post("/api/v1/sites/" + site + "/bookings").then(), "startsAt");
        }
        // Far but storable: parsed, then refused by the booking rules themselves.
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", QueueFixtures.KTP, "startsAt", "3000-01-06T09:00:00+07:00"))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(400)
                .body("errors[0].code", not(equalTo(OUT_OF_RANGE)));
        given().auth().oauth2(citizen).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("startsAt", FAR_FUTURE))
                .post("/api/v1/bookings/" + UUID.randomUUID() + "/reschedule").then().statusCode(400)
                .body("errors[0].field", equalTo("startsAt"))
                .body("errors[0].code", equalTo(OUT_OF_RANGE))
                .body("errors[0].message", equalTo("is outside the range that can be stored (4713 BC to 294276 AD)"));
    }

    @Test
    void updatedSinceBeyondTheDatabaseIsRefused() {
        String citizen = QueueFixtures.citizen();
        for (String at : List.of(FAR_FUTURE, FAR_PAST)) {
            outOfRange(given().auth().oauth2(citizen).queryParam("updatedSince", at)
                    .get("/api/v1/me/applications").then(), "updatedSince");
        }
        given().auth().oauth2(citizen).queryParam("updatedSince", "2026-01-01T00:00:00Z")
                .get("/api/v1/me/applications").then().statusCode(200);
    }

    @Test
    void sinceAndUntilBeyondTheDatabaseAreRefusedOnBothChannels() {
        String admin = TestTokens.admin();
        outOfRange(given().auth().oauth2(admin).queryParam("since", FAR_PAST)
                .get("/api/v1/api-client-calls").then(), "since");
        outOfRange(given().auth().oauth2(admin).queryParam("until", FAR_FUTURE)
                .get("/api/v1/api-client-calls").then(), "until");
        given().auth().oauth2(admin).queryParam("since", "2026-01-01T00:00:00Z")
                .get("/api/v1/api-client-calls").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ apiClientCalls(until: \"" + FAR_FUTURE + "\") { nextCursor } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("until"))
                .body("errors[0].extensions.errors[0].code", equalTo(OUT_OF_RANGE));
    }

    private static void outOfRange(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(OUT_OF_RANGE));
    }

    private static Map<String, Object> weekdays() {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.add(Map.of("day", day.name(), "opens", "08:00", "closes", "12:00", "slotMinutes", 30, "capacity", 5));
        }
        return Map.of("days", days);
    }
}
