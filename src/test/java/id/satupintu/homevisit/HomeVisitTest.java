package id.satupintu.homevisit;

import static id.satupintu.homevisit.HomeVisitFixtures.ELDERLY_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.ELDERLY_WOMAN_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.YOUNG_NIK;
import static id.satupintu.homevisit.HomeVisitFixtures.as;
import static id.satupintu.homevisit.HomeVisitFixtures.post;
import static id.satupintu.homevisit.HomeVisitFixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomeVisitTest {

    @Test
    void anElderlyCitizenIsRequestedForWithPersonalDataMaskedAndEncrypted() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        var created = post(f.citizen, "/api/v1/home-visits", f.request(ELDERLY_NIK, "ELDERLY")).statusCode(201)
                .header("Location", containsString("/api/v1/home-visits/"))
                .body("state", equalTo("REQUESTED"))
                .body("agencyCode", equalTo(f.agency))
                .body("siteCode", equalTo(HomeVisitFixtures.SITE))
                .body("nik", equalTo("3273********0001"))
                .body("phone", equalTo("0812****7890"))
                .body("address.line", nullValue())
                .body("address.kecamatan", equalTo("Coblong"))
                .body("address.latitude", notNullValue())
                .body("preferredDays", contains("MONDAY", "TUESDAY"))
                .body("requestedOn", equalTo(f.today.toString()))
                .body("personalDataInFull", equalTo(false));
        String id = created.extract().path("id");
        // At rest: neither the NIK, the phone nor the street is in the row in clear.
        String row = rowText(id);
        assertFalse(row.contains(ELDERLY_NIK) || row.contains("081234567890") || row.contains("Cihampelas"), row);
        // The event says the state, never the personal data.
        String events = eventsText(id);
        assertTrue(events.contains("home-visit.requested"), events);
        assertFalse(events.contains(ELDERLY_NIK) || events.contains("0812") || events.contains("Cihampelas"), events);

        // A woman's NIK (day + 40) gives her birth date as well.
        post(f.citizen, "/api/v1/home-visits", f.request(ELDERLY_WOMAN_NIK, "ELDERLY")).statusCode(201);
        as(f.citizen).get("/api/v1/home-visits/mine").then().statusCode(200).body("id", hasItem(id));
        // One open request per citizen and service.
        post(f.citizen, "/api/v1/home-visits", f.request(ELDERLY_NIK, "BEDRIDDEN")).statusCode(409)
                .body("code", equalTo("home-visit-exists"));
    }

    @Test
    void eligibilityIsAgeFromTheNikOrADeclaredCategory() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        post(f.citizen, "/api/v1/home-visits", f.request(YOUNG_NIK, "ELDERLY")).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("home-visit-not-eligible"));
        post(f.citizen, "/api/v1/home-visits", f.request(YOUNG_NIK, "DISABILITY")).statusCode(201)
                .body("category", equalTo("DISABILITY"));
        Map<String, Object> remote = f.request(HomeVisitFixtures.ELDERLY_WOMAN_NIK, "REMOTE_VILLAGE");
        post(f.citizen, "/api/v1/home-visits", remote).statusCode(201);
        Map<String, Object> notOffered = f.request(ELDERLY_NIK, "ELDERLY");
        notOffered.put("serviceCode", f.noVisitService);
        post(f.citizen, "/api/v1/home-visits", notOffered).statusCode(422).body("code", equalTo("home-visit-not-offered"));
        Map<String, Object> unknown = f.request(ELDERLY_NIK, "ELDERLY");
        unknown.put("serviceCode", "NO-SUCH-SERVICE");
        post(f.citizen, "/api/v1/home-visits", unknown).statusCode(400)
                .body("errors.field", hasItem("serviceCode"));
        // Staff and devices do not request: the citizen's account does (also for a family member).
        post(f.supervisor, "/api/v1/home-visits", f.request(ELDERLY_NIK, "ELDERLY")).statusCode(403)
                .body("code", equalTo("home-visit-citizens-only"));
        HomeVisitFixtures.as("not-a-token").body(f.request(ELDERLY_NIK, "ELDERLY")).post("/api/v1/home-visits").then()
                .statusCode(401);
    }

    @Test
    void badRequestsAreClearProblems() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        as(f.citizen).post("/api/v1/home-visits").then().statusCode(400).contentType("application/problem+json");
        as(f.citizen).body("{\"serviceCode\":").post("/api/v1/home-visits").then().statusCode(400);
        as(f.citizen).body("[1,2]").post("/api/v1/home-visits").then().statusCode(400);
        bad(f, "nik", "12345", "nik");
        bad(f, "nik", "9973011205500001", "nik");
        bad(f, "phone", "12", "phone");
        bad(f, "category", "ROYALTY", null);
        bad(f, "relation", 42, null);
        bad(f, "reason", "x".repeat(1001), "reason");
        bad(f, "reason", "ada\u0000nul", null);
        bad(f, "preferredDays", List.of(), "preferredDays");
        bad(f, "preferredDays", List.of("FUNDAY"), null);
        bad(f, "serviceCode", null, "serviceCode");
        Map<String, Object> swapped = f.request(ELDERLY_NIK, "ELDERLY");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new HashMap<>((Map<String, Object>) swapped.get("address"));
        address.put("latitude", 107.6);
        address.put("longitude", -6.89);
        swapped.put("address", address);
        post(f.citizen, "/api/v1/home-visits", swapped).statusCode(400)
                .body("errors.field", hasItem("address.latitude"));
        Map<String, Object> wrongType = f.request(ELDERLY_NIK, "ELDERLY");
        wrongType.put("address", "Jl. Dago");
        post(f.citizen, "/api/v1/home-visits", wrongType).statusCode(400);
        // Unicode is text like any other.
        Map<String, Object> unicode = f.request(ELDERLY_NIK, "ELDERLY");
        unicode.put("reason", "Nenek 🧓 tinggal di Kampung Naga – jalan setapak");
        post(f.citizen, "/api/v1/home-visits", unicode).statusCode(201)
                .body("reason", equalTo("Nenek 🧓 tinggal di Kampung Naga – jalan setapak"));
        // Unknown and malformed ids are unknown visits.
        as(f.citizen).get("/api/v1/home-visits/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("home-visit-not-found"));
        as(f.citizen).get("/api/v1/home-visits/not-a-uuid").then().statusCode(404);
        as(f.supervisor).queryParam("kecamatan", "Cob\u0000long").get("/api/v1/home-visits").then().statusCode(400);
        as(f.supervisor).queryParam("state", "SLEEPING").get("/api/v1/home-visits").then().statusCode(400);
        as(f.supervisor).queryParam("limit", "abc").get("/api/v1/home-visits").then().statusCode(400);
    }

    private static void bad(HomeVisitFixtures f, String field, Object value, String expectedField) {
        Map<String, Object> body = f.request(ELDERLY_NIK, "ELDERLY");
        body.put(field, value);
        var response = post(f.citizen, "/api/v1/home-visits", body).statusCode(400)
                .contentType("application/problem+json");
        if (expectedField != null) {
            response.body("errors.field", hasItem(expectedField));
        }
    }

    @Test
    void theSupervisorListsByAreaAndPlansVisitDaysOnWorkingDays() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String coblong = f.requested(ELDERLY_NIK, "ELDERLY");
        Map<String, Object> elsewhere = f.request(YOUNG_NIK, "BEDRIDDEN");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new HashMap<>((Map<String, Object>) elsewhere.get("address"));
        address.put("kecamatan", "Sukajadi");
        address.put("kelurahan", "Pasteur");
        elsewhere.put("address", address);
        String sukajadi = post(f.citizen, "/api/v1/home-visits", elsewhere).statusCode(201).extract().path("id");

        as(f.supervisor).get("/api/v1/home-visits").then().statusCode(200)
                .body("items.id", contains(coblong, sukajadi)).body("nextCursor", nullValue())
                .body("items[0].address.latitude", notNullValue())
                .body("items[0].nik", equalTo("3273********0001"));
        as(f.supervisor).queryParam("kecamatan", "Sukajadi").get("/api/v1/home-visits").then().statusCode(200)
                .body("items.id", contains(sukajadi));
        as(f.supervisor).queryParam("kelurahan", "Cipaganti").queryParam("state", "REQUESTED")
                .get("/api/v1/home-visits").then().statusCode(200).body("items.id", contains(coblong));
        // Another agency sees none of them, and a citizen has no agency list.
        as(f.otherSupervisor).get("/api/v1/home-visits").then().statusCode(200).body("items.id", not(hasItem(coblong)));
        as(f.supervisor).queryParam("agency", f.otherAgency).get("/api/v1/home-visits").then().statusCode(403);
        as(f.citizen).get("/api/v1/home-visits").then().statusCode(403);

        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        String day = f.day(visitDay, "Tim Utara", 2);
        as(f.officer).get("/api/v1/home-visit-days/" + day).then().statusCode(200)
                .body("capacity", equalTo(2)).body("booked", equalTo(0)).body("left", equalTo(2));
        as(f.supervisor).queryParam("from", f.today.toString()).get("/api/v1/home-visit-days").then().statusCode(200)
                .body("id", hasItem(day));
        as(f.otherSupervisor).get("/api/v1/home-visit-days/" + day).then().statusCode(404);
        as(f.supervisor).queryParam("from", "kemarin").get("/api/v1/home-visit-days").then().statusCode(400);

        Map<String, Object> body = new HashMap<>();
        body.put("date", visitDay.toString());
        body.put("team", "Tim Utara");
        body.put("members", List.of(f.teamMemberId));
        body.put("capacity", 3);
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(409).body("code", equalTo("home-visit-day-exists"));
        body.put("team", "Tim Selatan");
        post(f.officer, "/api/v1/home-visit-days", body).statusCode(403);
        post(f.citizen, "/api/v1/home-visit-days", body).statusCode(403);
        LocalDate saturday = visitDay.plusDays(6 - visitDay.getDayOfWeek().getValue() + 7);
        body.put("date", saturday.toString());
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(422)
                .body("code", equalTo("home-visit-day-not-working"));
        body.put("date", f.today.minusDays(7).toString());
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(422).body("code", equalTo("home-visit-day-past"));
        body.put("date", visitDay.toString());
        body.put("capacity", 0);
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(400).body("errors.field", hasItem("capacity"));
        body.put("capacity", "two");
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(400);
        body.put("capacity", 2);
        body.put("members", List.of());
        post(f.supervisor, "/api/v1/home-visit-days", body).statusCode(400).body("errors.field", hasItem("members"));
    }

    @Test
    void theSupervisorsListIsKeysetPagedInItsAreaOrder() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        // Five requests in three areas; the order is kecamatan, kelurahan, then the oldest first.
        List<String[]> areas = List.of(new String[] {"Sukajadi", "Pasteur"}, new String[] {"Coblong", "Dago"},
                new String[] {"Coblong", "Cipaganti"}, new String[] {"Sukajadi", "Pasteur"},
                new String[] {"Coblong", "Cipaganti"});
        List<String> niks = List.of(ELDERLY_NIK, ELDERLY_WOMAN_NIK, "3273011205500005", "3273011205500006",
                "3273011205500007");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            ids.add(requestedIn(f, niks.get(i), areas.get(i)[0], areas.get(i)[1]));
        }
        List<String> expected = List.of(ids.get(2), ids.get(4), ids.get(1), ids.get(0), ids.get(3));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(f.supervisor).queryParam("limit", 2);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/home-visits").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= 2, items.toString());
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);

        // Requests added meanwhile: one in front of the cursor's place is not shown (nothing repeats), one after
        // it is reached in its place.
        var first = as(f.supervisor).queryParam("limit", 2).get("/api/v1/home-visits").then().statusCode(200)
                .body("items.id", contains(expected.get(0), expected.get(1))).extract().jsonPath();
        String inFront = requestedIn(f, "3273011205500008", "Andir", "Ciroyom");
        String after = requestedIn(f, "3273011205500009", "Coblong", "Cipaganti");
        as(f.supervisor).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .queryParam("state", "REQUESTED").get("/api/v1/home-visits").then().statusCode(200)
                .body("items.id", contains(after, expected.get(2)))
                .body("items.id", not(hasItem(inFront)));
        // The filters page too; the GraphQL list is the same page with the same cursor.
        as(f.supervisor).queryParam("kecamatan", "Sukajadi").queryParam("limit", 1).get("/api/v1/home-visits").then()
                .statusCode(200).body("items.id", contains(ids.get(0))).body("nextCursor", notNullValue());
        given().auth().oauth2(f.supervisor).contentType("application/json")
                .body(Map.of("query", "query($after: String) { homeVisits(first: 2, after: $after) { items { id } nextCursor } }",
                        "variables", Map.of("after", first.getString("nextCursor"))))
                .post("/graphql").then().statusCode(200)
                .body("data.homeVisits.items.id", contains(after, expected.get(2)))
                .body("data.homeVisits.nextCursor", notNullValue());

        // Cursors this list did not make are clear 400s.
        for (String bad : List.of("%%%", "bm90LWEtY3Vyc29y", java.util.Base64.getUrlEncoder().encodeToString(
                "Coblong\u001fDago\u001fyesterday\u001fnot-an-id".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.util.Base64.getUrlEncoder().encodeToString(("Cob\u0000long\u001fDago\u001f2026-01-01T00:00Z\u001f"
                        + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            as(f.supervisor).queryParam("cursor", bad).get("/api/v1/home-visits").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-cursor"));
        }
    }

    private static String requestedIn(HomeVisitFixtures f, String nik, String kecamatan, String kelurahan) {
        Map<String, Object> body = f.request(nik, "ELDERLY");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new HashMap<>((Map<String, Object>) body.get("address"));
        address.put("kecamatan", kecamatan);
        address.put("kelurahan", kelurahan);
        body.put("address", address);
        return post(f.citizen, "/api/v1/home-visits", body).statusCode(201).extract().path("id");
    }

    @Test
    void twoSupervisorsRacingForTheLastPlaceCannotOverfillTheDay() throws Exception {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String first = f.requested(ELDERLY_NIK, "ELDERLY");
        String second = f.requested(YOUNG_NIK, "DISABILITY");
        String day = f.day(HomeVisitFixtures.nextWorkingDay(f.today), "Tim Satu", 1);
        for (int round = 0; round < 3; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> race(start, f.supervisor, first, day));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> race(start, f.secondSupervisor, second, day));
            List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
            assertTrue(statuses.containsAll(List.of(200, 409)), statuses.toString());
            as(f.supervisor).get("/api/v1/home-visit-days/" + day).then().body("booked", equalTo(1));
            // Give the place back (the citizen asks to move) and race again.
            String winner = statuses.get(0) == 200 ? first : second;
            post(f.citizen, "/api/v1/home-visits/" + winner + "/move", Map.of("reason", "Ada acara keluarga"))
                    .statusCode(200).body("state", equalTo("MOVE_ASKED"));
            as(f.supervisor).get("/api/v1/home-visit-days/" + day).then().body("booked", equalTo(0));
        }
        // Both at once on the same request: one schedules it, the other finds it scheduled.
        String third = f.requested(ELDERLY_WOMAN_NIK, "ELDERLY");
        String roomy = f.day(HomeVisitFixtures.nextWorkingDay(f.today), "Tim Dua", 5);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> race(start, f.supervisor, third, roomy));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> race(start, f.secondSupervisor, third, roomy));
        assertTrue(List.of(a.get(), b.get()).containsAll(List.of(200, 409)));
        as(f.supervisor).get("/api/v1/home-visit-days/" + roomy).then().body("booked", equalTo(1));
    }

    private static int race(CyclicBarrier start, String token, String id, String day) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return schedule(token, id, day).extract().statusCode();
    }

    @Test
    void wrongStepsAreConflictsAndStrangersAreKeptOut() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String id = f.requested(ELDERLY_NIK, "ELDERLY");
        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        String day = f.day(visitDay, "Tim Uji", 3);

        // Strangers: another citizen, another agency's supervisor, do not see it at all.
        as(f.otherCitizen).get("/api/v1/home-visits/" + id).then().statusCode(404);
        post(f.otherCitizen, "/api/v1/home-visits/" + id + "/confirm", null).statusCode(404);
        as(f.otherSupervisor).get("/api/v1/home-visits/" + id).then().statusCode(404);
        schedule(f.otherSupervisor, id, day).statusCode(404);
        // Wrong roles: the officer and the citizen do not schedule; staff do not answer for the citizen.
        schedule(f.officer, id, day).statusCode(403);
        schedule(f.citizen, id, day).statusCode(403);
        // Wrong order: nothing to confirm, move or report before a day is set.
        post(f.citizen, "/api/v1/home-visits/" + id + "/confirm", null).statusCode(409)
                .body("code", equalTo("home-visit-state")).body("detail", notNullValue());
        post(f.citizen, "/api/v1/home-visits/" + id + "/move", Map.of()).statusCode(409);
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(403);
        post(f.supervisor, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(409)
                .body("code", equalTo("home-visit-state"));
        // Bad schedules.
        post(f.supervisor, "/api/v1/home-visits/" + id + "/schedule",
                Map.of("visitDayId", day, "windowStart", "11:00", "windowEnd", "09:00")).statusCode(400)
                .body("errors.field", hasItem("windowEnd"));
        post(f.supervisor, "/api/v1/home-visits/" + id + "/schedule",
                Map.of("visitDayId", day, "windowStart", "pagi", "windowEnd", "09:00")).statusCode(400);
        schedule(f.supervisor, id, UUID.randomUUID().toString()).statusCode(404)
                .body("code", equalTo("home-visit-day-not-found"));
        post(f.supervisor, "/api/v1/home-visits/" + id + "/schedule", null).statusCode(400);

        schedule(f.supervisor, id, day).statusCode(200).body("state", equalTo("SCHEDULED"))
                .body("visit.date", equalTo(visitDay.toString())).body("visit.windowStart", startsWith("09:00"));
        schedule(f.supervisor, id, day).statusCode(409).body("code", equalTo("home-visit-state"));
        post(f.supervisor, "/api/v1/home-visits/" + id + "/confirm", null).statusCode(403);
        // The team reports on the day, not before; a failure says why.
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(409)
                .body("code", equalTo("home-visit-not-yet"));
        f.travelTo(visitDay);
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "FAILED")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "MAYBE")).statusCode(400);
        post(f.officer, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(403)
                .body("code", equalTo("home-visit-not-on-team"));
        // The team could not get through: the request waits for a new day and the place is free again.
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome",
                Map.of("outcome", "RESCHEDULED", "reason", "Jalan tertutup longsor")).statusCode(200)
                .body("state", equalTo("RESCHEDULING")).body("visit", nullValue())
                .body("outcomeReason", equalTo("Jalan tertutup longsor"));
        as(f.supervisor).get("/api/v1/home-visit-days/" + day).then().body("booked", equalTo(0));
        String later = f.day(HomeVisitFixtures.nextWorkingDay(visitDay), "Tim Uji", 3);
        schedule(f.supervisor, id, later).statusCode(200);
        f.travelTo(HomeVisitFixtures.nextWorkingDay(visitDay));
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome",
                Map.of("outcome", "FAILED", "reason", "Warga dirawat di rumah sakit")).statusCode(200)
                .body("state", equalTo("FAILED"));
        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(409);
        // A past day takes no more requests.
        String next = f.requested(YOUNG_NIK, "DISABILITY");
        schedule(f.supervisor, next, day).statusCode(422).body("code", equalTo("home-visit-day-past"));
    }

    @Test
    void aHomeVisitGoesFromRequestToDoneWithItsApplication() throws Exception {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String id = f.requested(ELDERLY_NIK, "ELDERLY");
        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        String day = f.day(visitDay, "Tim Jemput Bola", 4);

        schedule(f.supervisor, id, day).statusCode(200).body("state", equalTo("SCHEDULED"));
        as(f.citizen).get("/api/v1/home-visits/" + id).then().statusCode(200)
                .body("visit.date", equalTo(visitDay.toString())).body("visit.windowEnd", startsWith("11:00"))
                .body("nik", equalTo("3273********0001"));
        post(f.citizen, "/api/v1/home-visits/" + id + "/confirm", null).statusCode(200).body("state", equalTo("CONFIRMED"));

        // The team sees the citizen in full; the supervisor who planned it does not.
        as(f.teamMember).get("/api/v1/home-visits/" + id).then().statusCode(200)
                .body("nik", equalTo(ELDERLY_NIK)).body("phone", equalTo("081234567890"))
                .body("address.line", equalTo("Jl. Cihampelas No. 12, RT 03/RW 05"))
                .body("personalDataInFull", equalTo(true));
        as(f.supervisor).get("/api/v1/home-visits/" + id).then().body("nik", equalTo("3273********0001"))
                .body("address.line", nullValue());

        // On site: only the team opens the application, and not before the day.
        post(f.teamMember, "/api/v1/home-visits/" + id + "/application", Map.of()).statusCode(409)
                .body("code", equalTo("home-visit-not-yet"));
        f.travelTo(visitDay);
        post(f.supervisor, "/api/v1/home-visits/" + id + "/application", Map.of()).statusCode(403);
        // The application feature's own rules apply to the form.
        post(f.teamMember, "/api/v1/home-visits/" + id + "/application", Map.of("form", Map.of("jenis", 7)))
                .statusCode(400);
        String tracking = post(f.teamMember, "/api/v1/home-visits/" + id + "/application",
                Map.of("form", Map.of("alamat", "Jl. Cihampelas No. 12", "jenis", "A"))).statusCode(200)
                .body("applicationTrackingNumber", notNullValue()).extract().path("applicationTrackingNumber");
        post(f.teamMember, "/api/v1/home-visits/" + id + "/application", Map.of()).statusCode(409)
                .body("code", equalTo("home-visit-application-exists"));
        // The application is the agency's, filed by the team member for the visited citizen, a draft for the
        // documents captured on site; the agency's staff read it as any other.
        as(f.officer).get("/api/v1/applications/" + tracking).then().statusCode(200)
                .body("serviceCode", equalTo(f.service)).body("state", equalTo("DRAFT"))
                .body("siteCode", equalTo(HomeVisitFixtures.SITE));
        as(f.otherSupervisor).get("/api/v1/applications/" + tracking).then().statusCode(404);

        post(f.teamMember, "/api/v1/home-visits/" + id + "/outcome", Map.of("outcome", "DONE")).statusCode(200)
                .body("state", equalTo("DONE")).body("applicationTrackingNumber", equalTo(tracking));
        as(f.citizen).get("/api/v1/home-visits/" + id).then().body("state", equalTo("DONE"))
                .body("applicationTrackingNumber", equalTo(tracking));
        as(f.supervisor).get("/api/v1/home-visit-days/" + day).then().body("booked", equalTo(1));

        String events = eventsText(id);
        for (String type : List.of("home-visit.requested", "home-visit.scheduled", "home-visit.confirmed",
                "home-visit.application-opened", "home-visit.done")) {
            assertTrue(events.contains(type), type + " in " + events);
        }
        assertFalse(events.contains(ELDERLY_NIK) || events.contains("0812") || events.contains("Cihampelas"), events);
    }

    @Test
    void twoTeamMembersOpeningAtOnceFileOneApplicationAndLinkIt() throws Exception {
        HomeVisitFixtures f = new HomeVisitFixtures();
        List<String> ids = List.of(f.requested(ELDERLY_NIK, "ELDERLY"), f.requested(ELDERLY_WOMAN_NIK, "ELDERLY"),
                f.requested(YOUNG_NIK, "DISABILITY"));
        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        String day = f.day(visitDay, "Tim Kembar", 5);
        ids.forEach(id -> schedule(f.supervisor, id, day).statusCode(200));
        f.travelTo(visitDay);
        Map<String, Object> form = Map.of("form", Map.of("alamat", "Jl. Cihampelas No. 12", "jenis", "A"));
        for (int round = 0; round < ids.size(); round++) {
            String id = ids.get(round);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<io.restassured.response.Response> a = CompletableFuture.supplyAsync(
                    () -> open(start, f.teamMember, id, form));
            CompletableFuture<io.restassured.response.Response> b = CompletableFuture.supplyAsync(
                    () -> open(start, f.secondMember, id, form));
            List<io.restassured.response.Response> answers = List.of(a.get(), b.get());
            List<Integer> statuses = answers.stream().map(io.restassured.response.Response::statusCode).toList();
            assertTrue(statuses.containsAll(List.of(200, 409)), statuses.toString());
            io.restassured.response.Response won = answers.get(statuses.indexOf(200));
            io.restassured.response.Response lost = answers.get(statuses.indexOf(409));
            String tracking = won.path("applicationTrackingNumber");
            assertTrue(tracking != null, won.asString());
            assertTrue(List.of("home-visit-application-opening", "home-visit-application-exists")
                    .contains(lost.<String>path("code")), lost.asString());
            // Exactly one application for the visits so far, and it is the one linked.
            assertEquals(round + 1, applicationsOf(f.service));
            as(f.supervisor).get("/api/v1/home-visits/" + id).then().body("applicationTrackingNumber", equalTo(tracking));
            // The one who lost, trying again, is told which application the visit has.
            post(f.secondMember, "/api/v1/home-visits/" + id + "/application", form).statusCode(409)
                    .body("code", equalTo("home-visit-application-exists")).body("detail", containsString(tracking));
        }
        assertEquals(ids.size(), applicationsOf(f.service));
    }

    @Test
    void aRefusedFilingFreesTheVisitForTheOtherMember() {
        HomeVisitFixtures f = new HomeVisitFixtures();
        String id = f.requested(ELDERLY_NIK, "ELDERLY");
        LocalDate visitDay = HomeVisitFixtures.nextWorkingDay(f.today);
        schedule(f.supervisor, id, f.day(visitDay, "Tim Lepas", 2)).statusCode(200);
        f.travelTo(visitDay);
        post(f.secondMember, "/api/v1/home-visits/" + id + "/application", Map.of("form", Map.of("jenis", 7)))
                .statusCode(400);
        assertEquals(0, applicationsOf(f.service));
        post(f.teamMember, "/api/v1/home-visits/" + id + "/application",
                Map.of("form", Map.of("alamat", "Jl. Cihampelas No. 12", "jenis", "A"))).statusCode(200)
                .body("applicationTrackingNumber", notNullValue());
        assertEquals(1, applicationsOf(f.service));
    }

    private static io.restassured.response.Response open(CyclicBarrier start, String token, String id, Object body) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return as(token).body(body).post("/api/v1/home-visits/" + id + "/application");
    }

    private static long applicationsOf(String service) {
        return Arc.container().instance(Pool.class).get()
                .preparedQuery("select count(*) from application where service_code = $1")
                .execute(Tuple.of(service)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static String rowText(String id) {
        return Arc.container().instance(Pool.class).get()
                .preparedQuery("select row_to_json(h)::text from home_visit h where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }

    private static String eventsText(String id) {
        StringBuilder text = new StringBuilder();
        Arc.container().instance(Pool.class).get()
                .preparedQuery("select type || ' ' || payload::text from event where stream = $1 order by id")
                .execute(Tuple.of("home-visit:" + id)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> text.append(row.getString(0)).append('\n'));
        return text.toString();
    }
}
