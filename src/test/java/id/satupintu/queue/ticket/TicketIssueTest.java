package id.satupintu.queue.ticket;

import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.QueueFixtures.KK;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.PASPOR;
import static id.satupintu.queue.QueueFixtures.SAMSAT;
import static id.satupintu.queue.QueueFixtures.issue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketIssueTest {

    @Test
    void kioskTicketsAreNumberedPerLane() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP, KK);
        QueueFixtures.createLane(site, "B", 100, PASPOR);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        issue(site, kiosk, "KIOSK", KTP, null).then().statusCode(201)
                .body("number", equalTo("A-001")).body("lane", equalTo("A")).body("status", equalTo("WAITING"))
                .body("priority", equalTo("NONE")).body("channel", equalTo("KIOSK")).body("position", equalTo(1));
        issue(site, kiosk, "KIOSK", KK, "ELDERLY").then().statusCode(201)
                .body("number", equalTo("A-002")).body("priority", equalTo("ELDERLY"));
        issue(site, kiosk, "KIOSK", PASPOR, null).then().statusCode(201).body("number", equalTo("B-001"));
    }

    @Test
    void devicesIssueOnlyAtTheirOwnSite() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        QueueFixtures.createLane(site, "S", 100, SAMSAT);
        issue(site, QueueFixtures.device(Roles.KIOSK, "MPP-BDG"), "KIOSK", KTP, null).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("channel-not-allowed"));
        issue(site, QueueFixtures.device(Roles.DRIVE_THRU, "MPP-BDG"), "DRIVE_THRU", SAMSAT, null).then().statusCode(403);
        // A device speaks only for its own channel.
        issue(site, QueueFixtures.device(Roles.KIOSK, site), "PHONE", KTP, null).then().statusCode(403);
        issue(site, QueueFixtures.device(Roles.KIOSK, site), "DRIVE_THRU", SAMSAT, null).then().statusCode(403);
        issue(site, QueueFixtures.device(Roles.DISPLAY_BOARD, site), "KIOSK", KTP, null).then().statusCode(403);
    }

    @Test
    void driveThruTicketsMayCarryAPlateOnlyStaffSee() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "S", 100, SAMSAT);
        String lane = QueueFixtures.device(Roles.DRIVE_THRU, site);
        String id = given().auth().oauth2(lane).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", SAMSAT, "channel", "DRIVE_THRU", "vehiclePlate", "D 1234 ABC"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(201)
                .body("number", equalTo("S-001")).body("vehiclePlate", nullValue()).extract().path("id");
        given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, site)).get("/api/v1/tickets/" + id)
                .then().statusCode(200).body("vehiclePlate", equalTo("D 1234 ABC"));
        issue(site, lane, "DRIVE_THRU", SAMSAT, null).then().statusCode(201).body("number", equalTo("S-002"));
        given().auth().oauth2(lane).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", SAMSAT, "channel", "DRIVE_THRU", "vehiclePlate", "not a plate"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.field", contains("vehiclePlate"));
        given().auth().oauth2(QueueFixtures.device(Roles.KIOSK, site)).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", SAMSAT, "channel", "KIOSK", "vehiclePlate", "D 1234 ABC"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.code", contains("drive-thru-only"));
    }

    @Test
    void citizensTakeOneActiveTicketPerServiceByPhone() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        QueueFixtures.createLane(site, "B", 100, PASPOR);
        String citizen = QueueFixtures.citizen();
        String id = issue(site, citizen, "PHONE", KTP, "PREGNANT").then().statusCode(201)
                .body("number", equalTo("A-001")).body("channel", equalTo("PHONE")).extract().path("id");
        issue(site, citizen, "PHONE", KTP, null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("active-ticket-exists"));
        issue(site, citizen, "PHONE", PASPOR, null).then().statusCode(201).body("number", equalTo("B-001"));
        given().auth().oauth2(citizen).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("number", equalTo("A-001"));
        given().auth().oauth2(QueueFixtures.citizen()).get("/api/v1/tickets/" + id).then().statusCode(403);
        // The refused duplicate left no gap.
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201).body("number", equalTo("A-002"));
    }

    @Test
    void duplicatePhoneIssuesRacingGiveOneTicket() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String citizen = QueueFixtures.citizen();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> issue(site, citizen, "PHONE", KTP, null).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201).body("number", equalTo("A-002"));
    }

    @Test
    void phonesAreRefusedOutsideOpeningHours() {
        String site = QueueFixtures.site("Asia/Makassar", false);
        QueueFixtures.createLane(site, "A", 100, KTP);
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(409)
                .body("code", equalTo("site-closed"));
        given().auth().oauth2(QueueFixtures.citizen()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "channel", "PHONE")).post("/api/v1/sites/" + site + "/tickets")
                .then().statusCode(409).body("title", equalTo("The service location is closed"));
        // People at the site are still served by the kiosk.
        issue(site, QueueFixtures.device(Roles.KIOSK, site), "KIOSK", KTP, null).then().statusCode(201);
    }

    @Test
    void phonesAreRefusedOnTheSitesOwnClosureButKiosksStillIssue() {
        String site = QueueFixtures.site("Asia/Makassar", true);
        QueueFixtures.createLane(site, "A", 100, KTP);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        // A closure of another site or one that ended yesterday does not count.
        String other = QueueFixtures.openSite();
        closure(other, today, today, "Renovasi gedung");
        closure(site, today.minusDays(3), today.minusDays(1), "Pemadaman listrik");
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201);

        String id = closure(site, today, today.plusDays(1), "Banjir di lantai dasar");
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("site-day-off"))
                .body("title", equalTo("Lokasi layanan libur hari ini"))
                .body("detail", containsString("Banjir di lantai dasar"));
        given().auth().oauth2(QueueFixtures.citizen()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "channel", "PHONE")).post("/api/v1/sites/" + site + "/tickets")
                .then().statusCode(409).body("code", equalTo("site-day-off"))
                .body("title", equalTo("The service location is closed today"));
        // Whoever is at the site is still served.
        issue(site, QueueFixtures.device(Roles.KIOSK, site), "KIOSK", KTP, null).then().statusCode(201)
                .body("number", equalTo("A-002"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/sites/" + site + "/closures/" + id)
                .then().statusCode(204);
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201).body("number", equalTo("A-003"));
    }

    @Test
    void phonesAreRefusedOnNationalHolidaysAndCutiBersama() {
        String site = QueueFixtures.site("Asia/Jayapura", true);
        QueueFixtures.createLane(site, "A", 100, KTP);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jayapura"));
        for (String kind : List.of("LIBUR_NASIONAL", "CUTI_BERSAMA")) {
            String name = "Hari uji " + kind.toLowerCase();
            String holiday = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("date", today.toString(), "kind", kind, "name", name))
                    .post("/api/v1/calendar/holidays").then().statusCode(201).extract().path("id");
            try {
                issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(409)
                        .body("code", equalTo("site-day-off")).body("detail", containsString(name));
                issue(site, QueueFixtures.device(Roles.KIOSK, site), "KIOSK", KTP, null).then().statusCode(201);
            } finally {
                // National days off are shared by every site: never leave one behind for other tests.
                given().auth().oauth2(TestTokens.admin()).delete("/api/v1/calendar/holidays/" + holiday)
                        .then().statusCode(204);
            }
        }
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201).body("number", equalTo("A-003"));
    }

    private static String closure(String site, LocalDate from, LocalDate to, String reason) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("startsOn", from.toString(), "endsOn", to.toString(), "reason", reason))
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(201).extract().path("id");
    }

    @Test
    void phonesRespectTheLanesDailyQuotaWithoutSkippingNumbers() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 2, KTP);
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201);
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201).body("number", equalTo("A-002"));
        issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(409)
                .body("code", equalTo("quota-exhausted"));
        issue(site, QueueFixtures.device(Roles.KIOSK, site), "KIOSK", KTP, null).then().statusCode(201)
                .body("number", equalTo("A-003"));
    }

    @Test
    void counterStaffIssueWalkInsAndIntegratorsNeedTheirScope() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        issue(site, TestTokens.staff(Roles.COUNTER_STAFF, null, site), "COUNTER", KTP, "DISABILITY").then()
                .statusCode(201).body("channel", equalTo("COUNTER")).body("priority", equalTo("DISABILITY"));
        issue(site, TestTokens.staff(Roles.COUNTER_STAFF, null, "MPP-BDG"), "COUNTER", KTP, null).then().statusCode(403);
        issue(site, TestTokens.staff(Roles.SUPERVISOR, null, site), "COUNTER", KTP, null).then().statusCode(403);
        issue(site, QueueFixtures.integrator(TicketService.ISSUE_SCOPE), "INTEGRATOR", KTP, null).then().statusCode(201)
                .body("number", equalTo("A-002"));
        issue(site, QueueFixtures.integrator("applications:read"), "INTEGRATOR", KTP, null).then().statusCode(403);
        issue(site, QueueFixtures.citizen(), "COUNTER", KTP, null).then().statusCode(403);
    }

    @Test
    void badRequestsAreProblems() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        given().contentType(ContentType.JSON).body(Map.of("serviceCode", KTP, "channel", "KIOSK"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(401);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.field", hasItem("serviceCode")).body("errors.field", hasItem("channel"));
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(Map.of("serviceCode", KTP, "channel", "FAX"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "channel", "KIOSK", "priority", "VIP"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", "x".repeat(41), "channel", "KIOSK"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400);
        issue(site, kiosk, "KIOSK", PASPOR, null).then().statusCode(400)
                .body("errors.field", contains("serviceCode")).body("errors.code", contains("not-queued-here"));
        issue("NO-SUCH-SITE", QueueFixtures.device(Roles.KIOSK, "NO-SUCH-SITE"), "KIOSK", KTP, null)
                .then().statusCode(404).body("code", equalTo("site-not-found"));
        given().auth().oauth2(kiosk).get("/api/v1/tickets/not-a-uuid").then().statusCode(404)
                .body("code", equalTo("ticket-not-found"));
    }

    @Test
    void twoHundredParallelIssuesGiveEveryNumberOnce() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 1000, KTP);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        int count = 200;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                numbers.add(pool.submit(() -> issue(site, kiosk, "KIOSK", KTP, null)
                        .then().statusCode(201).extract().<String>path("number")));
            }
            Set<String> issued = new TreeSet<>();
            for (Future<String> number : numbers) {
                issued.add(number.get());
            }
            Set<String> expected = IntStream.rangeClosed(1, count).mapToObj(n -> String.format("A-%03d", n))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, issued);
        } finally {
            pool.shutdown();
        }
    }
}
