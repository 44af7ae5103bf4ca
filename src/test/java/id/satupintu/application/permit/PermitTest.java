package id.satupintu.application.permit;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.deadline;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.application.sla.SlaWatch;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PermitTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SlaWatch watch;

    /** Files a complete application and takes it through to approval; its tracking number. */
    private static String approved(ApplicationFixtures f) {
        String tn = f.submitted();
        for (String action : List.of("start-verification", "verify")) {
            act(f.officer, tn, action).statusCode(200);
        }
        // Separation of duties: someone other than the verifier approves and issues.
        act(f.supervisor, tn, "approve").statusCode(200);
        return tn;
    }

    private static ValidatableResponse issued(ApplicationFixtures f) {
        return act(f.supervisor, approved(f), "issue-permit").statusCode(200);
    }

    private static ValidatableResponse verify(String code) {
        return given().get("/api/v1/permits/verify/" + code).then();
    }

    private static ValidatableResponse revoke(String token, String number, Object body) {
        return as(token).body(body).post("/api/v1/permits/" + number + "/revocation").then();
    }

    @Test
    void issuingCreatesThePermitShownInTheDetail() {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", false, 60);
        ValidatableResponse issued = issued(f);
        String tn = issued.extract().path("trackingNumber");
        String number = issued.body("state", equalTo("PERMIT_ISSUED"))
                .body("permit.number", matchesPattern("MPP-BDG\\." + f.service + "\\.\\d{4}\\.00001"))
                .body("permit.basis", equalTo("DECISION"))
                .body("permit.status", equalTo("VALID"))
                .body("permit.verificationCode", matchesPattern("[A-Za-z0-9_-]{27}"))
                .extract().path("permit.number");
        String issuedOn = issued.extract().path("permit.issuedOn");
        issued.body("permit.validUntil", equalTo(LocalDate.parse(issuedOn).plusMonths(60).toString()));
        as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("permit.number", equalTo(number));
        as(f.supervisor).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("permit.number", equalTo(number));
    }

    @Test
    void aStandardWithoutValidityIssuesAPermitThatDoesNotExpire() {
        issued(new ApplicationFixtures()).body("permit.validUntil", nullValue())
                .body("permit.status", equalTo("VALID"));
    }

    @Test
    void aNonPermitServiceClosesWithoutAPermit() {
        issued(new ApplicationFixtures("NONPERIZINAN", false, null)).body("state", equalTo("PERMIT_ISSUED"))
                .body("permit", nullValue());
    }

    @Test
    void parallelIssuingNeverSharesANumber() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        int count = 6;
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            applications.add(approved(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        Set<String> numbers = new TreeSet<>();
        try {
            List<Callable<String>> issues = new ArrayList<>();
            for (String tn : applications) {
                issues.add(() -> act(f.supervisor, tn, "issue-permit").statusCode(200).extract().path("permit.number"));
            }
            for (Future<String> number : pool.invokeAll(issues)) {
                numbers.add(number.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> sequences = new TreeSet<>();
        numbers.forEach(n -> sequences.add(n.substring(n.lastIndexOf('.') + 1)));
        assertEquals(Set.of("00001", "00002", "00003", "00004", "00005", "00006"), sequences);
    }

    @Test
    void verificationShowsPublicFactsOnly() {
        ApplicationFixtures f = new ApplicationFixtures();
        // Filed at the counter for a citizen known by NIK: the permit must not lead back to them.
        Map<String, Object> body = f.body(ApplicationFixtures.form());
        body.put("applicantNik", "3273011501900001");
        String tn = ApplicationFixtures.file(f.counter, body).statusCode(201).extract().path("trackingNumber");
        for (String action : List.of("start-verification", "verify")) {
            act(f.officer, tn, action).statusCode(200);
        }
        for (String action : List.of("approve", "issue-permit")) {
            act(f.supervisor, tn, action).statusCode(200);
        }
        Map<String, Object> permit = as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200)
                .extract().path("permit");
        ValidatableResponse answer = verify((String) permit.get("verificationCode")).statusCode(200)
                .body("status", equalTo("VALID")).body("permitNumber", equalTo(permit.get("number")))
                .body("serviceCode", equalTo(f.service)).body("agencyCode", equalTo(f.agency))
                .body("basis", equalTo("DECISION")).body("issuedOn", equalTo(permit.get("issuedOn")));
        Map<String, Object> fields = answer.extract().path("");
        assertEquals(Set.of("status", "permitNumber", "serviceCode", "agencyCode", "siteCode", "basis", "issuedOn",
                "validUntil", "revokedOn", "revocationReason"), fields.keySet());
        String text = answer.extract().asString();
        assertFalse(text.contains("3273"), text);
        assertFalse(text.contains(tn), text);
        assertFalse(text.contains("Asia Afrika"), text);
    }

    /** As the docs promise: any cache may keep it a minute; "no-transform" (JAX-RS's default) is not said. */
    @Test
    void verificationMayBeCachedPubliclyForAMinute() {
        String code = issued(new ApplicationFixtures()).extract().path("permit.verificationCode");
        String etag = verify(code).statusCode(200).header("Cache-Control", equalTo("public, max-age=60"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/permits/verify/" + code).then().statusCode(304)
                .header("Cache-Control", equalTo("public, max-age=60"));
    }

    @Test
    void unknownOrMalformedCodesAreNotFound() {
        verify("AAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("permit-not-found"));
        verify("short").statusCode(404).contentType(PROBLEM);
        verify("%27%20or%201%3D1--aaaaaaaaaaaaaaaaaaa").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void revocationIsPublicAndHappensOnce() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", false, 12);
        ValidatableResponse issued = issued(f);
        String tn = issued.extract().path("trackingNumber");
        String number = issued.extract().path("permit.number");
        String code = issued.extract().path("permit.verificationCode");
        revoke(f.supervisor, number, Map.of("reason", "Bangunan tidak sesuai izin")).statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
        verify(code).statusCode(200).body("status", equalTo("REVOKED"))
                .body("revocationReason", equalTo("Bangunan tidak sesuai izin")).body("revokedOn", notNullValue());
        revoke(f.officer, number, Map.of("reason", "Lagi")).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("permit-already-revoked"));
        as(f.citizen).get("/api/v1/applications/" + tn).then().body("permit.status", equalTo("REVOKED"));
        assertEquals(1, ApplicationFixtures.events(tn, "application.permit-revoked"));
    }

    @Test
    void racingRevocationsRevokeOnce() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        ValidatableResponse issued = issued(f);
        String number = issued.extract().path("permit.number");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> revocations = new ArrayList<>();
            for (String token : List.of(f.officer, f.supervisor, f.officer, f.supervisor)) {
                revocations.add(() -> revoke(token, number, Map.of("reason", "Pelanggaran")).extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(revocations)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        statuses.sort(null);
        assertEquals(List.of(200, 409, 409, 409), statuses);
        assertEquals(1, ApplicationFixtures.events(issued.extract().path("trackingNumber"), "application.permit-revoked"));
    }

    @Test
    void revocationByTheWrongPeopleOrWithoutAReason() {
        ApplicationFixtures f = new ApplicationFixtures();
        ValidatableResponse issued = issued(f);
        String number = issued.extract().path("permit.number");
        Map<String, Object> reason = Map.of("reason", "Pelanggaran");
        given().contentType(ContentType.JSON).body(reason).post("/api/v1/permits/" + number + "/revocation")
                .then().statusCode(401).contentType(PROBLEM);
        revoke(f.citizen, number, reason).statusCode(403).contentType(PROBLEM);
        revoke(f.counter, number, reason).statusCode(403).contentType(PROBLEM);
        revoke(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG"), number, reason).statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("permit-not-found"));
        revoke(f.officer, "MPP-BDG.NOPE.2026.00001", reason).statusCode(404).contentType(PROBLEM);
        revoke(f.officer, number, Map.of()).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        revoke(f.officer, number, Map.of("reason", "  ")).statusCode(400).contentType(PROBLEM);
        revoke(f.officer, number, Map.of("reason", "x".repeat(InputValidator.NOTE_MAX_LENGTH + 1))).statusCode(400)
                .contentType(PROBLEM).body("errors[0].code", equalTo("max-length"));
        as(f.officer).body("{\"reason\": 5").post("/api/v1/permits/" + number + "/revocation").then()
                .statusCode(400).contentType(PROBLEM);
        issued.body("permit.status", equalTo("VALID"));
        verify(issued.extract().path("permit.verificationCode")).body("status", equalTo("VALID"));
    }

    @Test
    void aPermitPastItsValidityIsExpired() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", false, 1);
        String code = issued(f).extract().path("permit.verificationCode");
        // Issued two months ago with one month's validity.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("update permit set issued_on = issued_on - 60, "
                                + "valid_until = issued_on - 30 where verification_code = ?1")
                        .setParameter(1, code).executeUpdate())));
        verify(code).statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void deemedApprovalIssuesAVerifiablePermit() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", true, 24);
        String tn = f.submitted();
        deadline(tn, "2026-03-02");
        VertxContextSupport.subscribeAndAwait(() -> watch.check(Instant.parse("2026-03-03T03:00:00Z")));
        String code = as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("state", equalTo("PERMIT_ISSUED")).body("permit.basis", equalTo("DEEMED_APPROVAL"))
                .body("permit.number", matchesPattern("MPP-BDG\\." + f.service + "\\.2026\\.00001"))
                .body("permit.validUntil", equalTo("2028-03-03"))
                .extract().path("permit.verificationCode");
        verify(code).statusCode(200).body("status", equalTo("VALID")).body("basis", equalTo("DEEMED_APPROVAL"));
    }
}
