package id.satupintu.complaint;

import static io.restassured.RestAssured.given;

import id.satupintu.catalog.CalendarTestSites;
import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A site of its own (WIB) with two agencies, its complaint desk, agency staff, a citizen, an API
 * client that may file complaints, and request helpers. Anonymous requests come from an address of
 * their own (X-Forwarded-For from the trusted local proxy), so rate limits of one test do not reach another.
 */
public final class ComplaintFixtures {

    public final String site = CalendarTestSites.create("Asia/Jakarta");
    public final String agency = CatalogFixtures.newCode("CPA");
    public final String otherAgency = CatalogFixtures.newCode("CPB");
    public final String citizenId = UUID.randomUUID().toString();
    public final String citizen = TestTokens.citizen(citizenId);
    public final String otherCitizen = TestTokens.citizen(UUID.randomUUID().toString());
    /** The site's complaint desk: a supervisor of the site bound to no agency. */
    public final String desk = TestTokens.staff(Roles.SUPERVISOR, null, site);
    public final String officer = TestTokens.staff(Roles.OFFICER, agency, site);
    public final String agencySupervisor = TestTokens.staff(Roles.SUPERVISOR, agency, site);
    public final String otherOfficer = TestTokens.staff(Roles.OFFICER, otherAgency, site);
    public final String counter = TestTokens.staff(Roles.COUNTER_STAFF, agency, site);
    public final String otherDesk = TestTokens.staff(Roles.SUPERVISOR, null, "MPP-BDG");
    public final String clientId = UUID.randomUUID().toString();
    public final String client = client(clientId, Set.of(Scopes.COMPLAINTS_WRITE));
    public final String address = randomAddress();

    public ComplaintFixtures() {
        CatalogFixtures.createAgency(agency, site);
        CatalogFixtures.createAgency(otherAgency, site);
    }

    public static String client(String id, Set<String> scopes) {
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, "open311-" + id.substring(0, 8),
                Set.of(Roles.INTEGRATOR), null, null, scopes, true));
    }

    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A request from this fixture's own client address, with a token when one is given. */
    public RequestSpecification as(String token) {
        RequestSpecification spec = given().header("X-Forwarded-For", address).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** A request of an anonymous reporter holding the secret. */
    public RequestSpecification withSecret(String secret) {
        return as(null).header("X-Complaint-Secret", secret);
    }

    public Map<String, Object> body(String mode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PENGADUAN");
        body.put("categoryCode", "PELAYANAN-LAMBAT");
        if (mode != null) {
            body.put("mode", mode);
        }
        body.put("title", "Izin tidak kunjung selesai");
        body.put("description", "Permohonan saya sudah lewat tiga minggu tanpa kabar. " + UUID.randomUUID());
        body.put("siteCode", site);
        body.put("agencyCode", agency);
        return body;
    }

    public ValidatableResponse file(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/complaints").then();
    }

    /** Files an identified complaint as the citizen; its tracking code. */
    public String filed() {
        return file(citizen, body(null)).statusCode(201).extract().path("complaint.trackingCode");
    }

    /** Files an anonymous complaint without a token: [tracking code, secret]. */
    public String[] filedAnonymously() {
        var response = file(null, body(null)).statusCode(201).extract();
        return new String[] {response.path("complaint.trackingCode"), response.path("secret")};
    }

    public ValidatableResponse act(String token, String code, String action, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("action", action);
        return as(token).body(body).post("/api/v1/complaints/" + code + "/transitions").then();
    }

    public ValidatableResponse act(String token, String code, String action) {
        return act(token, code, action, Map.of());
    }

    /** Verified and forwarded to the fixture's agency. */
    public String forwarded() {
        String code = filed();
        act(desk, code, "verify").statusCode(200);
        act(desk, code, "forward", Map.of("agencyCode", agency)).statusCode(200);
        return code;
    }

    public static Object sql(String query, Object... params) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> {
                        var q = s.createNativeQuery(query);
                        for (int i = 0; i < params.length; i++) {
                            q.setParameter(i + 1, params[i]);
                        }
                        return query.trim().toLowerCase().startsWith("select")
                                ? q.getResultList().map(list -> list.isEmpty() ? null : list.get(0))
                                : q.executeUpdate().map(n -> (Object) n);
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
