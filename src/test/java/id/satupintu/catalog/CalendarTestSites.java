package id.satupintu.catalog;

import static io.restassured.RestAssured.given;

import id.satupintu.support.TestTokens;
import io.restassured.http.ContentType;
import java.util.UUID;

/** Sites for calendar tests, created through the API like an admin would, each with a fresh code. */
public final class CalendarTestSites {

    private CalendarTestSites() {
    }

    public static String create(String timeZone) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = """
            {"code":"%s","kind":"PTSP","name":"PTSP Uji Kalender","address":"Jl. Uji No. 2","city":"Kota Uji",
             "provinceCode":"%s","timeZone":"%s",
             "openingHours":[{"day":"MONDAY","opens":"08:00","closes":"15:00"},
                             {"day":"SATURDAY","opens":"08:00","closes":"12:00"}]}
            """.formatted(code, timeZone.equals("Asia/Jayapura") ? "91" : "31", timeZone);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sites").then().statusCode(201);
        return code;
    }
}
