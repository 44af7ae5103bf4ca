package id.satupintu.application;

import static io.restassured.RestAssured.given;

import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A controlled permit service of an agency of its own (at MPP-BDG), its people, and request helpers. */
public final class ApplicationFixtures {

    public static final String SITE = "MPP-BDG";

    public final String agency = CatalogFixtures.newCode("APPAG");
    public final String service = CatalogFixtures.newCode("APPSV");
    public final String citizenId = UUID.randomUUID().toString();
    public final String citizen = TestTokens.citizen(citizenId);
    public final String officer = TestTokens.staff(Roles.OFFICER, agency, SITE);
    public final String supervisor = TestTokens.staff(Roles.SUPERVISOR, agency, SITE);
    public final String counter = TestTokens.staff(Roles.COUNTER_STAFF, agency, SITE);

    public ApplicationFixtures() {
        this(false);
    }

    public ApplicationFixtures(boolean deemedApproval) {
        this("PERIZINAN", deemedApproval, null, false);
    }

    /**
     * Without mandatory documents the workflow tests can file in one request; with them (ktp: PDF or
     * JPEG, kk: PDF or JPEG, both mandatory; foto: PNG, optional) a file must be a draft until uploaded.
     */
    public ApplicationFixtures(boolean deemedApproval, boolean mandatoryDocuments) {
        this("PERIZINAN", deemedApproval, null, mandatoryDocuments);
    }

    public ApplicationFixtures(String type, boolean deemedApproval, Integer permitValidityMonths) {
        this(type, deemedApproval, permitValidityMonths, false);
    }

    public ApplicationFixtures(String type, boolean deemedApproval, Integer permitValidityMonths, boolean mandatoryDocuments) {
        this(type, deemedApproval, permitValidityMonths, mandatoryDocuments, null);
    }

    /** The permit service, decided within {@code completionDays} working days. */
    public static ApplicationFixtures completingIn(int completionDays) {
        return new ApplicationFixtures("PERIZINAN", false, null, false, completionDays);
    }

    private ApplicationFixtures(String type, boolean deemedApproval, Integer permitValidityMonths,
                                boolean mandatoryDocuments, Integer completionDays) {
        CatalogFixtures.createAgency(agency, SITE);
        Map<String, Object> standard = standard();
        if (completionDays != null) {
            standard.put("completionDays", completionDays);
        }
        standard.put("deemedApproval", deemedApproval);
        standard.put("permitValidityMonths", permitValidityMonths);
        if (mandatoryDocuments) {
            standard.put("requirements", requirements(true));
        }
        CatalogFixtures.createService(CatalogFixtures.service(service, agency, type, standard));
    }

    public static Map<String, Object> standard() {
        Map<String, Object> s = CatalogFixtures.standard();
        Map<String, Object> luas = CatalogFixtures.field("luasLantai", "NUMBER");
        luas.put("min", new BigDecimal("1"));
        luas.put("max", new BigDecimal("10000"));
        Map<String, Object> alamat = CatalogFixtures.field("alamat", "TEXT");
        alamat.put("maxLength", 50);
        Map<String, Object> fitur = CatalogFixtures.field("fitur", "MULTI_CHOICE");
        fitur.put("options", List.of("X", "Y", "Z"));
        fitur.put("required", false);
        Map<String, Object> tanggal = CatalogFixtures.field("tanggalMulai", "DATE");
        tanggal.put("required", false);
        s.put("form", new ArrayList<>(List.of(luas, alamat, CatalogFixtures.field("jenis", "SINGLE_CHOICE"), fitur,
                tanggal)));
        s.put("kbli", new ArrayList<>(List.of("41011", "41012")));
        s.put("requirements", requirements(false));
        s.put("completionDays", 5);
        return s;
    }

    private static List<Map<String, Object>> requirements(boolean mandatory) {
        Map<String, Object> ktp = CatalogFixtures.requirement("ktp");
        Map<String, Object> kk = CatalogFixtures.requirement("kk");
        ktp.put("mandatory", mandatory);
        kk.put("mandatory", mandatory);
        Map<String, Object> foto = CatalogFixtures.requirement("foto");
        foto.put("mandatory", false);
        foto.put("formats", List.of("PNG"));
        return new ArrayList<>(List.of(ktp, kk, foto));
    }

    public static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("luasLantai", 120.5);
        form.put("alamat", "Jl. Asia Afrika 1");
        form.put("jenis", "A");
        form.put("fitur", List.of("X", "Z"));
        return form;
    }

    public Map<String, Object> body(Map<String, Object> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceCode", service);
        body.put("form", form);
        return body;
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static ValidatableResponse file(String token, Object body) {
        return as(token).body(body).post("/api/v1/applications").then();
    }

    /** Files a complete application as the fixture's citizen; returns its tracking number. */
    public String submitted() {
        return file(citizen, body(form())).statusCode(201).extract().path("trackingNumber");
    }

    public static ValidatableResponse act(String token, String trackingNumber, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", action);
        return as(token).body(body).post("/api/v1/applications/" + trackingNumber + "/transitions").then();
    }

    public static ValidatableResponse act(String token, String trackingNumber, String action) {
        return act(token, trackingNumber, action, Map.of());
    }

    /** A stored account (assignment checks who the assignee is), and a token for it. */
    public record Account(String id, String token) {
    }

    /** A stored member of staff of the given agency at the fixture's site. */
    public static Account account(String role, String agency) {
        String id = UUID.randomUUID().toString();
        String username = role + "." + id.substring(0, 8);
        Arc.container().instance(Pool.class).get()
                .preparedQuery("insert into identity_user (id, username, password_hash, role, full_name, agency_code, "
                        + "site_code) values ($1, $2, 'not-for-sign-in', $3, 'Petugas Uji', $4, $5)")
                .execute(Tuple.of(UUID.fromString(id), username, role, agency, SITE))
                .await().atMost(Duration.ofSeconds(10));
        return new Account(id, TestTokens.issue(new AccessTokenIssuer.Subject(id, username, Set.of(role), agency, SITE,
                Set.of(), false)));
    }

    /** Moves an application's SLA deadline, for tests of what happens around it. */
    public static void deadline(String trackingNumber, String date) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("update application set deadline = ?1 where tracking_number = ?2")
                        .setParameter(1, LocalDate.parse(date)).setParameter(2, trackingNumber).executeUpdate())));
    }

    /** Gives an application another tracking number, e.g. one of a kind issued before. */
    public static void renumber(String trackingNumber, String newNumber) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("update application set tracking_number = ?1 where tracking_number = ?2")
                        .setParameter(1, newNumber).setParameter(2, trackingNumber).executeUpdate())));
    }

    /** The events of a type on an application's stream, counted in the event table. */
    public static long events(String trackingNumber, String type) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select count(*) from event where type = ?1 and stream = "
                                + "(select 'application:' || id from application where tracking_number = ?2)", Long.class)
                        .setParameter(1, type).setParameter(2, trackingNumber).getSingleResult())));
    }
}
