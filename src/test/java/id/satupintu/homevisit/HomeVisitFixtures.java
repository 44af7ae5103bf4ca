package id.satupintu.homevisit;

import static io.restassured.RestAssured.given;

import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An agency of its own at MPP-BDG with a service offering home visits and one that does not, its people, a clock
 * pinned to a working day (the visit days are the next working days), and the calls of the API.
 */
final class HomeVisitFixtures {

    static final String SITE = "MPP-BDG";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Born 12 May 1950: over 60. */
    static final String ELDERLY_NIK = "3273011205500001";
    /** A woman born 12 May 1950 (day + 40). */
    static final String ELDERLY_WOMAN_NIK = "3273015205500002";
    /** Born 12 May 1990: not yet 60. */
    static final String YOUNG_NIK = "3273011205900003";

    final String agency = CatalogFixtures.newCode("HVAG");
    final String service = CatalogFixtures.newCode("HVSV");
    final String noVisitService = CatalogFixtures.newCode("HVNO");
    final String citizenId = UUID.randomUUID().toString();
    final String citizen = TestTokens.citizen(citizenId);
    final String otherCitizen = TestTokens.citizen(UUID.randomUUID().toString());
    final String supervisor = TestTokens.staff(Roles.SUPERVISOR, agency, SITE);
    final String secondSupervisor = TestTokens.staff(Roles.SUPERVISOR, agency, SITE);
    final String officer = TestTokens.staff(Roles.OFFICER, agency, SITE);
    final String teamMemberId = UUID.randomUUID().toString();
    final String teamMember = TestTokens.issue(new AccessTokenIssuer.Subject(teamMemberId, "petugas-" + teamMemberId,
            Set.of(Roles.OFFICER), agency, SITE, Set.of(), false));
    /** A second member of the same team. */
    final String secondMemberId = UUID.randomUUID().toString();
    final String secondMember = TestTokens.issue(new AccessTokenIssuer.Subject(secondMemberId,
            "petugas-" + secondMemberId, Set.of(Roles.OFFICER), agency, SITE, Set.of(), false));
    final String otherAgency = CatalogFixtures.newCode("HVOT");
    final String otherSupervisor = TestTokens.staff(Roles.SUPERVISOR, otherAgency, SITE);
    final LocalDate today;
    final PinnedClock clock;

    HomeVisitFixtures() {
        CatalogFixtures.createAgency(agency, SITE);
        CatalogFixtures.createAgency(otherAgency, SITE);
        Map<String, Object> standard = CatalogFixtures.standard();
        standard.put("homeVisit", true);
        CatalogFixtures.createService(CatalogFixtures.service(service, agency, "NONPERIZINAN", standard));
        CatalogFixtures.createService(CatalogFixtures.service(noVisitService, agency, "NONPERIZINAN",
                CatalogFixtures.standard()));
        today = workingDay(LocalDate.now(WIB).plusDays(3));
        clock = PinnedClock.pin(today.atTime(9, 0).atZone(WIB).toInstant());
    }

    /** The first working day at the site on or after {@code from}, as the site's calendar says. */
    static LocalDate workingDay(LocalDate from) {
        String date = given().queryParam("from", from.toString()).queryParam("days", 0)
                .get("/api/v1/sites/" + SITE + "/calendar/add-working-days").then().statusCode(200)
                .extract().path("date");
        return LocalDate.parse(date);
    }

    /** The working day after {@code day}. */
    static LocalDate nextWorkingDay(LocalDate day) {
        return workingDay(day.plusDays(1));
    }

    void travelTo(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(9, 0)).atZone(WIB).toInstant());
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    Map<String, Object> request(String nik, String category) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line", "Jl. Cihampelas No. 12, RT 03/RW 05");
        address.put("kelurahan", "Cipaganti");
        address.put("kecamatan", "Coblong");
        address.put("latitude", -6.8915);
        address.put("longitude", 107.6045);
        Map<String, Object> body = new HashMap<>();
        body.put("serviceCode", service);
        body.put("nik", nik);
        body.put("relation", "FAMILY");
        body.put("category", category);
        body.put("reason", "Ibu sudah sepuh dan sulit berjalan");
        body.put("address", address);
        body.put("preferredDays", new ArrayList<>(List.of("TUESDAY", "MONDAY")));
        body.put("phone", "+62 812-3456-7890");
        return body;
    }

    static ValidatableResponse post(String token, String path, Object body) {
        RequestSpecification spec = as(token);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(path).then();
    }

    /** A request by the fixture's citizen; its id. */
    String requested(String nik, String category) {
        return post(citizen, "/api/v1/home-visits", request(nik, category)).statusCode(201).extract().path("id");
    }

    String day(LocalDate date, String team, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("team", team);
        body.put("members", List.of(teamMemberId, secondMemberId));
        body.put("capacity", capacity);
        return post(supervisor, "/api/v1/home-visit-days", body).statusCode(201).extract().path("id");
    }

    static Map<String, Object> slot(String dayId) {
        return Map.of("visitDayId", dayId, "windowStart", "09:00", "windowEnd", "11:00");
    }

    static ValidatableResponse schedule(String token, String id, String dayId) {
        return post(token, "/api/v1/home-visits/" + id + "/schedule", slot(dayId));
    }
}
