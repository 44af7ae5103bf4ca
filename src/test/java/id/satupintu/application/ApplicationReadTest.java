package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationReadTest {

    @Test
    void detailIsForTheApplicantTheAgencyAndAdmins() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200).body("trackingNumber", equalTo(tn));
        as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200);
        as(f.counter).get("/api/v1/applications/" + tn).then().statusCode(200);
        as(TestTokens.admin()).get("/api/v1/applications/" + tn).then().statusCode(200);
        // Same answer for someone else's number as for a number that does not exist.
        String stranger = TestTokens.citizen(UUID.randomUUID().toString());
        Response other = as(stranger).get("/api/v1/applications/" + tn);
        Response none = as(stranger).get("/api/v1/applications/BDG-261123-AAAAAA-0");
        assertEquals(404, other.statusCode());
        assertEquals(404, none.statusCode());
        assertEquals((String) other.path("code"), (String) none.path("code"));
        as(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).get("/api/v1/applications/" + tn)
                .then().statusCode(404);
        as(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).get("/api/v1/applications/" + tn + "/history")
                .then().statusCode(404);
        given().get("/api/v1/applications/" + tn).then().statusCode(401);
        // Typed in lower case with O for 0: still found.
        as(f.citizen).get("/api/v1/applications/" + tn.toLowerCase()).then().statusCode(200);
    }

    /**
     * Numbers issued before the check symbol was kept to digits and letters may end in *, ~, $, = or U:
     * they stay valid wherever a tracking number is read or acted on, as typed or in lower case.
     */
    @Test
    void numbersWithTheOldCheckSymbolsStillWork() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        for (char symbol : TrackingNumbersTest.OLD_CHECK_SYMBOLS.toCharArray()) {
            String tn = f.submitted();
            String old = TrackingNumbersTest.oldNumber(ApplicationFixtures.SITE, java.time.LocalDate.now(), symbol);
            ApplicationFixtures.renumber(tn, old);
            String typed = symbol == 'U' ? old.toLowerCase() : old;
            given().get("/api/v1/applications/" + typed + "/status").then().statusCode(200)
                    .body("trackingNumber", equalTo(old)).body("state", equalTo("SUBMITTED"));
            as(f.citizen).get("/api/v1/applications/" + typed).then().statusCode(200).body("trackingNumber", equalTo(old));
            as(f.officer).get("/api/v1/applications/" + typed + "/history").then().statusCode(200);
            act(f.officer, typed, "start-verification").statusCode(200).body("state", equalTo("IN_VERIFICATION"));
            as(f.citizen).get("/api/v1/me/applications").then().statusCode(200).body("items.trackingNumber",
                    org.hamcrest.Matchers.hasItem(old));
        }
    }

    /**
     * Who applied, from the citizen's account: its name and NIK masked, for the agency's staff (officer,
     * supervisor, counter, admin) and the applicant themself, over REST and GraphQL. Never the NIK itself.
     */
    @Test
    void theAgencysStaffSeeWhoApplied() {
        ApplicationFixtures f = new ApplicationFixtures();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        String nik = String.format("3273%02d%02d%02d%02d%04d", r.nextInt(1, 31), r.nextInt(1, 29), r.nextInt(1, 13),
                r.nextInt(0, 100), r.nextInt(1, 10000));
        String masked = nik.substring(0, 4) + "********" + nik.substring(12);
        String username = "pemohon." + Long.toString(r.nextLong(Long.MAX_VALUE), 36);
        given().header("X-Forwarded-For", "10.7." + r.nextInt(256) + "." + r.nextInt(1, 255))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("fullName", "Siti Rahayu", "nik", nik, "phone", String.format("0813%08d", r.nextInt(100_000_000)),
                        "username", username, "password", "Rahasia-Uji-2025"))
                .post("/api/v1/auth/register").then().statusCode(201);
        String citizen = given().contentType(io.restassured.http.ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", "Rahasia-Uji-2025")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        String tn = file(citizen, f.body(ApplicationFixtures.form())).statusCode(201)
                .body("applicant.name", equalTo("Siti Rahayu")).body("applicant.nikMasked", equalTo(masked))
                .extract().path("trackingNumber");
        for (String reader : List.of(citizen, f.officer, f.supervisor, f.counter, TestTokens.admin())) {
            String raw = as(reader).get("/api/v1/applications/" + tn).then().statusCode(200)
                    .body("applicant.name", equalTo("Siti Rahayu")).body("applicant.nikMasked", equalTo(masked))
                    .body("applicant.filedBy", equalTo("CITIZEN")).extract().asString();
            assertFalse(raw.contains(nik), raw);
        }
        ApplicationGraphQLTest.graphql(f.officer, "query($tn: String!) { application(trackingNumber: $tn) { "
                        + "applicant { name nikMasked } } }", Map.of("tn", tn)).body("errors", nullValue())
                .body("data.application.applicant.name", equalTo("Siti Rahayu"))
                .body("data.application.applicant.nikMasked", equalTo(masked));
        act(f.officer, tn, "start-verification").statusCode(200).body("applicant.name", equalTo("Siti Rahayu"))
                .body("applicant.nikMasked", equalTo(masked));
        // A citizen token without a stored account: nobody to name.
        String unnamed = f.submitted();
        as(f.officer).get("/api/v1/applications/" + unnamed).then().statusCode(200)
                .body("applicant.name", nullValue()).body("applicant.nikMasked", nullValue());
    }

    @Test
    void detailHasAnEtag() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        String etag = as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        as(f.citizen).header("If-None-Match", etag).get("/api/v1/applications/" + tn).then().statusCode(304);
        act(f.officer, tn, "start-verification").statusCode(200);
        String changed = as(f.citizen).header("If-None-Match", etag).get("/api/v1/applications/" + tn).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void publicStatusShowsNoPersonalData() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("applicantNik", "3273014501900001");
        String tn = file(f.counter, body).statusCode(201).extract().path("trackingNumber");
        Response status = given().get("/api/v1/applications/" + tn + "/status");
        status.then().statusCode(200).body("trackingNumber", equalTo(tn)).body("serviceCode", equalTo(f.service))
                .body("state", equalTo("SUBMITTED")).body("ossStatusCode", equalTo(10))
                .body("submittedAt", notNullValue()).body("deadline", notNullValue())
                .body("workingDaysLeft", notNullValue())
                .body("$", not(hasKey("applicant"))).body("$", not(hasKey("form")));
        String raw = status.asString();
        assertFalse(raw.contains("3273") || raw.contains("Asia Afrika") || raw.contains(f.agency + "\""), raw);
        String etag = status.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/applications/" + tn + "/status").then().statusCode(304);
        given().get("/api/v1/applications/BDG-261123-AAAAAA-0/status").then().statusCode(404);
        given().get("/api/v1/applications/garbage/status").then().statusCode(404);
    }

    @Test
    void draftsHaveNoPublicStatus() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(Map.of());
        body.put("draft", true);
        String tn = file(f.citizen, body).statusCode(201).extract().path("trackingNumber");
        given().get("/api/v1/applications/" + tn + "/status").then().statusCode(404);
    }

    @Test
    void myApplicationsPageByCursorAndSyncSince() {
        ApplicationFixtures f = new ApplicationFixtures();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(f.submitted());
        }
        // Someone else's applications never show.
        new ApplicationFixtures().submitted();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(f.citizen).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/me/applications");
            page.then().statusCode(200);
            seen.addAll(page.path("items.trackingNumber"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        java.util.Collections.reverse(numbers);
        assertEquals(numbers, seen);
        java.util.Collections.reverse(numbers);

        String since = as(f.citizen).get("/api/v1/applications/" + numbers.get(4)).path("updatedAt");
        act(f.officer, numbers.get(1), "start-verification").statusCode(200);
        as(f.citizen).queryParam("updatedSince", since).get("/api/v1/me/applications").then().statusCode(200)
                .body("items.trackingNumber", contains(numbers.get(1)))
                .body("items[0].state", equalTo("IN_VERIFICATION"));
        assertFalse(OffsetDateTime.parse(since).isAfter(OffsetDateTime.now()));

        as(f.citizen).queryParam("cursor", "!!!").get("/api/v1/me/applications").then().statusCode(400)
                .body("code", equalTo("invalid-cursor"));
        as(f.citizen).queryParam("limit", 0).get("/api/v1/me/applications").then().statusCode(400);
        as(f.citizen).queryParam("limit", 101).get("/api/v1/me/applications").then().statusCode(400);
        as(f.citizen).queryParam("updatedSince", "yesterday").get("/api/v1/me/applications").then().statusCode(400);
        as(f.officer).get("/api/v1/me/applications").then().statusCode(403);
        given().get("/api/v1/me/applications").then().statusCode(401);
    }

    @Test
    void historyNeedsAccess() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        as(TestTokens.citizen(UUID.randomUUID().toString())).get("/api/v1/applications/" + tn + "/history")
                .then().statusCode(404);
        as(f.citizen).get("/api/v1/applications/" + tn + "/history").then().statusCode(200)
                .body("[0].action", equalTo("submit")).body("[0].fromState", nullValue());
    }
}
