package id.satupintu.application;

import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationSubmissionTest {

    private static final String VALID_NIK = "3273014501900001";

    @Test
    void citizenFilesACompleteApplication() {
        ApplicationFixtures f = new ApplicationFixtures();
        file(f.citizen, f.body(ApplicationFixtures.form())).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/BDG-[0-9]{6}-.*"))
                .body("trackingNumber", matchesPattern("BDG-[0-9]{6}-[0-9A-Z]{6}-.")).body("state", equalTo("SUBMITTED"))
                .body("ossStatusCode", equalTo(10)).body("serviceCode", equalTo(f.service))
                .body("standardVersion", equalTo(1)).body("siteCode", equalTo("MPP-BDG"))
                .body("agencyCode", equalTo(f.agency)).body("applicant.userId", equalTo(f.citizenId))
                .body("applicant.filedBy", equalTo("CITIZEN")).body("form.jenis", equalTo("A"))
                .body("submittedAt", notNullValue()).body("sla.deadline", notNullValue())
                .body("sla.paused", equalTo(false));
    }

    @Test
    void trackingNumbersAreWellFormedAndDistinct() {
        ApplicationFixtures f = new ApplicationFixtures();
        String a = f.submitted();
        String b = f.submitted();
        assertTrue(TrackingNumbers.isWellFormed(a));
        assertTrue(!a.equals(b));
    }

    @Test
    void draftSkipsCompletenessButNotTypes() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(Map.of("jenis", "B"));
        body.put("draft", true);
        String tn = file(f.citizen, body).statusCode(201).body("state", equalTo("DRAFT"))
                .body("ossStatusCode", nullValue()).body("sla", nullValue()).extract().path("trackingNumber");
        body.put("form", Map.of("luasLantai", "lots"));
        file(f.citizen, body).statusCode(400).body("errors.field", contains("form.luasLantai"))
                .body("errors.code", contains("wrong-type"));

        // An incomplete draft cannot be submitted; after completing it, it can.
        as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("form.luasLantai", "form.alamat"));
        as(f.citizen).body(f.body(ApplicationFixtures.form())).put("/api/v1/applications/" + tn).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("form.alamat", equalTo("Jl. Asia Afrika 1"));
        as(f.citizen).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("sla.deadline", notNullValue());
        // Submitted: no more edits.
        as(f.citizen).body(f.body(ApplicationFixtures.form())).put("/api/v1/applications/" + tn).then().statusCode(409)
                .body("code", equalTo("application-not-editable"));
    }

    @Test
    void draftEditsAreTheApplicantsOnly() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(Map.of());
        body.put("draft", true);
        String tn = file(f.citizen, body).statusCode(201).extract().path("trackingNumber");
        as(TestTokens.citizen(UUID.randomUUID().toString())).body(body).put("/api/v1/applications/" + tn)
                .then().statusCode(404).body("code", equalTo("application-not-found"));
        as(f.officer).body(body).put("/api/v1/applications/" + tn).then().statusCode(403);
        Map<String, Object> other = new HashMap<>(body);
        other.put("serviceCode", "DKB-KTP-EL");
        as(f.citizen).body(other).put("/api/v1/applications/" + tn).then().statusCode(400)
                .body("errors.field", contains("serviceCode")).body("errors.code", contains("immutable"));
    }

    @Test
    void formIsCheckedFieldByField() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> form = new HashMap<>();
        form.put("luasLantai", 0);
        form.put("alamat", "x".repeat(51));
        form.put("jenis", "C");
        form.put("fitur", List.of("X", "Q"));
        form.put("tanggalMulai", "2026-13-40");
        form.put("warnaCat", "merah");
        file(f.citizen, f.body(form)).statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", containsInAnyOrder("form.luasLantai", "form.alamat", "form.jenis", "form.fitur",
                        "form.tanggalMulai", "form.warnaCat"))
                .body("errors.find { it.field == 'form.luasLantai' }.code", equalTo("min"))
                .body("errors.find { it.field == 'form.alamat' }.code", equalTo("max-length"))
                .body("errors.find { it.field == 'form.jenis' }.code", equalTo("not-an-option"))
                .body("errors.find { it.field == 'form.fitur' }.code", equalTo("not-an-option"))
                .body("errors.find { it.field == 'form.tanggalMulai' }.code", equalTo("invalid-date"))
                .body("errors.find { it.field == 'form.warnaCat' }.code", equalTo("unknown-field"));

        Map<String, Object> wrongTypes = new HashMap<>();
        wrongTypes.put("luasLantai", "100");
        wrongTypes.put("alamat", 12);
        wrongTypes.put("jenis", List.of("A"));
        wrongTypes.put("fitur", "X");
        wrongTypes.put("tanggalMulai", 20260101);
        file(f.citizen, f.body(wrongTypes)).statusCode(400)
                .body("errors.code", contains("wrong-type", "wrong-type", "wrong-type", "wrong-type", "wrong-type"));

        file(f.citizen, f.body(Map.of())).statusCode(400)
                .body("errors.field", containsInAnyOrder("form.luasLantai", "form.alamat", "form.jenis"))
                .body("errors.code", contains("required", "required", "required"));
        Map<String, Object> big = ApplicationFixtures.form();
        big.put("luasLantai", 10001);
        file(f.citizen, f.body(big)).statusCode(400).body("errors[0].code", equalTo("max"));
    }

    @Test
    void messagesAreLocalized() {
        ApplicationFixtures f = new ApplicationFixtures();
        as(f.citizen).header("Accept-Language", "en").body(f.body(Map.of("jenis", "C")))
                .post("/api/v1/applications").then().statusCode(400)
                .body("errors.find { it.field == 'form.jenis' }.message", equalTo("the value C is not one of the allowed options"));
    }

    @Test
    void badRequestsAreProblems() {
        ApplicationFixtures f = new ApplicationFixtures();
        as(f.citizen).body("{").post("/api/v1/applications").then().statusCode(400);
        as(f.citizen).body("").post("/api/v1/applications").then().statusCode(400);
        as(f.citizen).body("{\"serviceCode\": \"" + f.service + "\", \"form\": [1]}").post("/api/v1/applications")
                .then().statusCode(400);
        file(f.citizen, Map.of("form", ApplicationFixtures.form())).statusCode(400)
                .body("errors.field", contains("serviceCode"));
        file(f.citizen, Map.of("serviceCode", "NO-SUCH-SERVICE", "form", Map.of())).statusCode(400)
                .body("errors.code", contains("unknown-service"));
        given().contentType(ContentType.JSON).body(f.body(ApplicationFixtures.form())).post("/api/v1/applications")
                .then().statusCode(401);
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("siteCode", "MPP-MKS");
        file(f.citizen, body).statusCode(400).body("errors.code", contains("site-not-served"));
        body.put("siteCode", "MPP-BDG");
        file(f.citizen, body).statusCode(201);
        Map<String, Object> withNik = f.body(ApplicationFixtures.form());
        withNik.put("applicantNik", VALID_NIK);
        file(f.citizen, withNik).statusCode(400).body("errors.code", contains("staff-only"));
        file(TestTokens.staff(Roles.KIOSK, f.agency, "MPP-BDG"), f.body(ApplicationFixtures.form())).statusCode(403);
    }

    @Test
    void anAgencyAtSeveralSitesNeedsTheSite() {
        String agency = CatalogFixtures.newCode("TWO");
        String service = CatalogFixtures.newCode("TWOSV");
        CatalogFixtures.createAgency(agency, "MPP-BDG", "MPP-MKS");
        CatalogFixtures.createService(CatalogFixtures.service(service, agency, "PERIZINAN", ApplicationFixtures.standard()));
        String citizen = TestTokens.citizen(UUID.randomUUID().toString());
        Map<String, Object> body = new HashMap<>(Map.of("serviceCode", service, "form", ApplicationFixtures.form()));
        file(citizen, body).statusCode(400).body("errors.field", contains("siteCode"))
                .body("errors.code", contains("required"));
        body.put("siteCode", "MPP-MKS");
        file(citizen, body).statusCode(201).body("siteCode", equalTo("MPP-MKS"))
                .body("trackingNumber", matchesPattern("MKS-[0-9]{6}-.*"));
    }

    @Test
    void inactiveServiceTakesNoApplications() {
        ApplicationFixtures f = new ApplicationFixtures();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("active", false))
                .put("/api/v1/services/" + f.service + "/active").then().statusCode(200);
        file(f.citizen, f.body(ApplicationFixtures.form())).statusCode(422).body("code", equalTo("service-inactive"));
    }

    @Test
    void aServiceThatNeedsAVerifiedIdentityRefusesAnUnverifiedNik() {
        ApplicationFixtures f = new ApplicationFixtures();
        String service = CatalogFixtures.newCode("VRFSV");
        Map<String, Object> standard = ApplicationFixtures.standard();
        standard.put("verifiedIdentity", true);
        CatalogFixtures.createService(CatalogFixtures.service(service, f.agency, "PERIZINAN", standard));
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("serviceCode", service);

        // A citizen signs up online: the NIK typed in is only a claim.
        String nik = "3273" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(30)) + "0812"
                + String.format("%02d", ThreadLocalRandom.current().nextInt(100))
                + String.format("%04d", 1 + ThreadLocalRandom.current().nextInt(9999));
        Map<String, Object> signUp = new HashMap<>(Map.of("fullName", "Warga Uji", "nik", nik,
                "phone", String.format("0812%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                "password", "Rahasia-Uji-2025"));
        String account = given().header("X-Forwarded-For", "10.9." + ThreadLocalRandom.current().nextInt(256) + "."
                        + (1 + ThreadLocalRandom.current().nextInt(254))).contentType(ContentType.JSON).body(signUp)
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("id");
        String citizen = TestTokens.citizen(account);
        file(citizen, body).statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("identity-not-verified"));
        Map<String, Object> draft = new HashMap<>(body);
        draft.put("draft", true);
        file(citizen, draft).statusCode(403).body("code", equalTo("identity-not-verified"));
        // A service that does not ask for it takes the same citizen.
        file(citizen, f.body(ApplicationFixtures.form())).statusCode(201);

        // Once staff at a counter have seen the KTP, the same filing goes through.
        as(TestTokens.staff(Roles.COUNTER_STAFF, f.agency, "MPP-BDG")).body(Map.of("accountId", account, "nik", nik))
                .post("/api/v1/nik-claims/confirmation").then().statusCode(200);
        file(citizen, body).statusCode(201).body("serviceCode", equalTo(service));
    }

    @Test
    void staffFileOnACitizensBehalfWithTheNikProtected() {
        ApplicationFixtures f = new ApplicationFixtures();
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        file(f.counter, body).statusCode(400).body("errors.field", contains("applicantNik"));
        body.put("applicantNik", "12345");
        file(f.counter, body).statusCode(400).body("errors.field", contains("applicantNik"));
        body.put("applicantNik", VALID_NIK);
        String tn = file(f.counter, body).statusCode(201).body("applicant.nikMasked", equalTo("3273********0001"))
                .body("applicant.userId", nullValue()).body("applicant.filedBy", equalTo("STAFF"))
                .extract().path("trackingNumber");
        // Another agency's counter may not file for this agency's service.
        file(TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", "MPP-BDG"), body).statusCode(403);
        // The NIK is stored encrypted, with a blind index, never in clear.
        as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("applicant.nikMasked", equalTo("3273********0001"));
        String raw = as(f.officer).get("/api/v1/applications/" + tn).asString();
        assertTrue(!raw.contains(VALID_NIK));
    }

    @Test
    void integratorsNameTheBusiness() {
        ApplicationFixtures f = new ApplicationFixtures();
        String integrator = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "oss-test",
                Set.of(Roles.INTEGRATOR), null, null, Set.of("applications:read", "applications:write"), true));
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        file(integrator, body).statusCode(400).body("errors.field", containsInAnyOrder("kbli", "nib"));
        body.put("nib", "12345");
        body.put("kbli", "4101");
        file(integrator, body).statusCode(400).body("errors.code", contains("invalid-format", "invalid-format"));
        body.put("nib", "1234567890123");
        body.put("kbli", "47111");
        file(integrator, body).statusCode(400).body("errors.code", contains("kbli-not-for-service"));
        body.put("kbli", "41012");
        String tn = file(integrator, body).statusCode(201).body("applicant.nib", equalTo("1234567890123"))
                .body("applicant.kbli", equalTo("41012")).body("applicant.filedBy", equalTo("INTEGRATOR"))
                .extract().path("trackingNumber");
        as(integrator).get("/api/v1/me/applications").then().statusCode(200)
                .body("items.trackingNumber", hasItem(tn));
    }

    /** Only the first filing asks for NIB and KBLI: an edit that leaves them out keeps what is stored. */
    @Test
    void anIntegratorsEditKeepsTheNibAndKbliItLeavesOut() {
        ApplicationFixtures f = new ApplicationFixtures();
        String integrator = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "oss-edit",
                Set.of(Roles.INTEGRATOR), null, null, Set.of("applications:read", "applications:write"), true));
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("draft", true);
        body.put("nib", "1234567890123");
        body.put("kbli", "41012");
        String tn = file(integrator, body).statusCode(201).extract().path("trackingNumber");
        Map<String, Object> form = new HashMap<>(ApplicationFixtures.form());
        form.put("alamat", "Jl. Braga 7");
        as(integrator).body(Map.of("form", form)).put("/api/v1/applications/" + tn).then().statusCode(200)
                .body("form.alamat", equalTo("Jl. Braga 7"))
                .body("applicant.nib", equalTo("1234567890123")).body("applicant.kbli", equalTo("41012"));
        // What is sent is still checked, and replaces what was stored.
        as(integrator).body(Map.of("form", form, "kbli", "47111")).put("/api/v1/applications/" + tn).then()
                .statusCode(400).body("errors.code", contains("kbli-not-for-service"));
        as(integrator).body(Map.of("form", form, "kbli", "41011")).put("/api/v1/applications/" + tn).then()
                .statusCode(200).body("applicant.nib", equalTo("1234567890123")).body("applicant.kbli", equalTo("41011"));
        as(integrator).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200)
                .body("applicant.kbli", equalTo("41011"));
    }

    @Test
    void racingRetriesMakeExactlyOneApplication() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> as(f.citizen).header("Idempotency-Key", key).body(body).post("/api/v1/applications")
                        .then().statusCode(201).extract().path("trackingNumber"));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                numbers.add(result.get());
            }
            assertEquals(1, numbers.size(), "every retry must get the first application: " + numbers);
        } finally {
            pool.shutdownNow();
        }
        as(f.citizen).get("/api/v1/me/applications").then().statusCode(200).body("items.size()", equalTo(1));

        Map<String, Object> other = f.body(Map.of("luasLantai", 99, "alamat", "Jl. Lain", "jenis", "B"));
        as(f.citizen).header("Idempotency-Key", key).body(other).post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("idempotency-key-reused"));
        // Keys are per caller: another citizen's same key is their own.
        as(TestTokens.citizen(UUID.randomUUID().toString())).header("Idempotency-Key", key).body(body)
                .post("/api/v1/applications").then().statusCode(201);
    }
}
