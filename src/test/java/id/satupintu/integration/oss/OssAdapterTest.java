package id.satupintu.integration.oss;

import id.satupintu.integration.webhook.WebhookReceiver;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.catalog.CatalogFixtures;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OSS adapter as an OSS-style system sees it: a receiveNIB message opens draft applications of
 * the mapped permits (once per nib and id_izin), and each state change of such an application
 * reaches OSS's endpoint as a signed IZINSTATUS message with the mapped kd_status.
 */
@QuarkusTest
class OssAdapterTest {

    private static final String SITE = "MPP-BDG";
    static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    private final String agency = CatalogFixtures.newCode("OSSAG");
    private final String service = CatalogFixtures.newCode("OSSSV");
    /** This test's permit code, mapped to its own service (oss_permit_type is data an office edits). */
    private final String kdIzin = "T-" + UUID.randomUUID().toString().substring(0, 12);
    private final String clientId = UUID.randomUUID().toString();
    /** OSS's client: bound to the test's agency, so its subscription hears no other test's objects. */
    private final String oss = client(clientId, Scopes.APPLICATIONS_WRITE, Scopes.APPLICATIONS_READ, Scopes.WEBHOOKS_MANAGE);
    private final String officer = TestTokens.staff(Roles.OFFICER, agency, SITE);
    /** Separation of duties: the officer verifies, the supervisor decides. */
    private final String supervisor = TestTokens.staff(Roles.SUPERVISOR, agency, SITE);
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void createService() {
        CatalogFixtures.createAgency(agency, SITE);
        Map<String, Object> standard = CatalogFixtures.standard();
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (String code : List.of("ktp", "kk")) {
            Map<String, Object> r = CatalogFixtures.requirement(code);
            r.put("mandatory", false);
            requirements.add(r);
        }
        standard.put("requirements", requirements);
        standard.put("kbli", new ArrayList<>(List.of("47730", "47111")));
        CatalogFixtures.createService(CatalogFixtures.service(service, agency, "PERIZINAN", standard));
        sql("insert into oss_permit_type (kd_izin, service_code, note) values ($1, $2, 'test')", kdIzin, service);
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().auth().oauth2(oss).delete("/api/v1/webhooks/subscriptions/" + id));
    }

    private String client(String id, String... scopes) {
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, "oss-" + id.substring(0, 8), Set.of(Roles.INTEGRATOR),
                agency, null, Set.of(scopes), true));
    }

    private static void sql(String statement, Object... args) {
        Arc.container().instance(Pool.class).get().preparedQuery(statement).execute(Tuple.from(args))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static long count(String query, Object... args) {
        return Arc.container().instance(Pool.class).get().preparedQuery(query).execute(Tuple.from(args))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static String nib() {
        return String.valueOf(1_000_000_000_000L + (long) (Math.random() * 8_999_999_999_999L));
    }

    private static Map<String, Object> item(String idIzin, String kdIzin, String kbli) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id_produk", "P-" + idIzin);
        item.put("id_proyek", "PRJ-1");
        item.put("id_izin", idIzin);
        item.put("kd_izin", kdIzin);
        item.put("kd_daerah", "3273");
        item.put("nama_izin", "Izin uji");
        item.put("instansi", "Dinas Uji");
        item.put("flag_checklist", "Y");
        if (kbli != null) {
            item.put("kbli", kbli);
        }
        return item;
    }

    /** A receiveNIB message as OSS sends it, with fields the adapter ignores beside the ones it reads. */
    private static Map<String, Object> message(String nib, List<Map<String, Object>> items) {
        Map<String, Object> lokasi = Map.of("proyek_daerah_id", "3273", "alamat_usaha", "Jl. Braga 10, Bandung");
        Map<String, Object> proyek = new LinkedHashMap<>();
        proyek.put("id_proyek", "PRJ-1");
        proyek.put("kbli", "47730");
        proyek.put("uraian_usaha", "Apotek");
        proyek.put("data_lokasi_proyek", List.of(lokasi));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nib", nib);
        data.put("tgl_pengajuan_nib", "2026-11-20");
        data.put("jenis_perseroan", "01");
        data.put("nama_perseroan", "PT Sehat Selalu");
        data.put("npwp_perseroan", "012345678901000");
        data.put("data_proyek", List.of(proyek));
        data.put("data_checklist", items);
        return Map.of("dataNIB", data);
    }

    private ValidatableResponse receive(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib").then();
    }

    @Test
    void mappedItemsOpenDraftsAndUnknownCodesAreReportedPerItem() {
        String nib = nib();
        JsonPath answer = receive(oss, message(nib, List.of(item("IZ-1", kdIzin, null), item("IZ-2", "NOT-A-CODE", null),
                item("IZ-3", kdIzin, "47111"))))
                .statusCode(200)
                .body("responreceiveNIB.kode", equalTo(207))
                .body("responreceiveNIB.nib", equalTo(nib))
                .body("responreceiveNIB.data_checklist.id_izin", contains("IZ-1", "IZ-2", "IZ-3"))
                .body("responreceiveNIB.data_checklist.kode", contains(201, 404, 201))
                .body("responreceiveNIB.data_checklist.status", contains("opened", "unmapped", "opened"))
                .body("responreceiveNIB.data_checklist[1].nomor_permohonan", nullValue())
                .body("responreceiveNIB.data_checklist[1].keterangan", containsString("NOT-A-CODE"))
                .extract().jsonPath();
        String first = answer.getString("responreceiveNIB.data_checklist[0].nomor_permohonan");
        String third = answer.getString("responreceiveNIB.data_checklist[2].nomor_permohonan");
        assertNotEquals(first, third);
        // A draft of the mapped service for the business; KBLI from the item, else from its project.
        given().auth().oauth2(oss).get("/api/v1/applications/" + first).then().statusCode(200)
                .body("serviceCode", equalTo(service)).body("state", equalTo("DRAFT"))
                .body("applicant.nib", equalTo(nib)).body("applicant.kbli", equalTo("47730"));
        given().auth().oauth2(oss).get("/api/v1/applications/" + third).then().statusCode(200)
                .body("applicant.kbli", equalTo("47111"));
        // English on request.
        given().auth().oauth2(oss).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(message(nib, List.of(item("IZ-9", "NOT-A-CODE", null))))
                .post("/api/v1/oss/receive-nib").then().statusCode(200)
                .body("responreceiveNIB.data_checklist[0].keterangan", containsString("not a permit"));
    }

    @Test
    void theSeededDemoCodesOpenTheDemoCatalogsPermits() {
        String unbound = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "oss-demo",
                Set.of(Roles.INTEGRATOR), null, null, Set.of(Scopes.APPLICATIONS_WRITE, Scopes.APPLICATIONS_READ), true));
        String tn = receive(unbound, message(nib(), List.of(item("IZ-D", "DEMO-47730-APOTEK", null))))
                .statusCode(200).body("responreceiveNIB.kode", equalTo(200))
                .body("responreceiveNIB.keterangan", containsString("Sukses"))
                .extract().path("responreceiveNIB.data_checklist[0].nomor_permohonan");
        given().auth().oauth2(unbound).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("serviceCode", equalTo("DPMPTSP-APOTEK")).body("state", equalTo("DRAFT"));
    }

    @Test
    void anItemTheFilingRefusesIsReportedAndTheOthersStillOpen() {
        String nib = nib();
        receive(oss, message(nib, List.of(item("IZ-1", kdIzin, "01111"), item("IZ-2", kdIzin, null))))
                .statusCode(200)
                .body("responreceiveNIB.kode", equalTo(207))
                .body("responreceiveNIB.data_checklist.kode", contains(400, 201))
                .body("responreceiveNIB.data_checklist[0].status", equalTo("refused"))
                .body("responreceiveNIB.data_checklist[0].keterangan", containsString("kbli"))
                .body("responreceiveNIB.data_checklist[1].nomor_permohonan", notNullValue());
        // The refused item was not remembered: sent again with a good KBLI, it opens.
        receive(oss, message(nib, List.of(item("IZ-1", kdIzin, "47111"))))
                .statusCode(200).body("responreceiveNIB.kode", equalTo(200))
                .body("responreceiveNIB.data_checklist[0].status", equalTo("opened"));
    }

    @Test
    void aResendReturnsTheSameApplicationsEvenWhenRaced() throws Exception {
        String nib = nib();
        Map<String, Object> body = message(nib, List.of(item("IZ-1", kdIzin, null), item("IZ-2", kdIzin, null)));
        // The same items in the other order must not deadlock against the first order.
        Map<String, Object> reversed = message(nib, List.of(item("IZ-2", kdIzin, null), item("IZ-1", kdIzin, null)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<JsonPath>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> send = i % 2 == 0 ? body : reversed;
                sends.add(() -> receive(oss, send).statusCode(200).extract().jsonPath());
            }
            List<List<String>> numbers = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            for (Future<JsonPath> answer : pool.invokeAll(sends)) {
                JsonPath json = answer.get();
                assertEquals(200, json.getInt("responreceiveNIB.kode"));
                List<String> ids = json.getList("responreceiveNIB.data_checklist.id_izin");
                List<String> got = new ArrayList<>(json.getList("responreceiveNIB.data_checklist.nomor_permohonan"));
                if (ids.get(0).equals("IZ-2")) {
                    Collections.reverse(got);
                }
                numbers.add(got);
                statuses.addAll(json.getList("responreceiveNIB.data_checklist.status"));
            }
            assertEquals(1, numbers.stream().distinct().count(), "every send got the same applications: " + numbers);
            assertEquals(2, statuses.stream().filter("opened"::equals).count(), statuses.toString());
            assertEquals(10, statuses.stream().filter("existing"::equals).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        // Exactly two applications of this business exist.
        assertEquals(2L, count("select count(*) from application where nib = $1", nib));
        assertEquals(2L, count("select count(*) from oss_permit where nib = $1", nib));
    }

    @Test
    void aResendIsRememberedPerClientAndAnotherIntegratorsFilingsAreInvisible() {
        Map<String, Object> body = message(nib(), List.of(item("IZ-1", kdIzin, null)));
        String ours = receive(oss, body).statusCode(200)
                .body("responreceiveNIB.data_checklist[0].status", equalTo("opened"))
                .extract().path("responreceiveNIB.data_checklist[0].nomor_permohonan");
        String other = client(UUID.randomUUID().toString(), Scopes.APPLICATIONS_WRITE, Scopes.APPLICATIONS_READ);
        // The same NIB and id_izin from another integrator: its own draft, not "existing" with ours.
        String theirs = receive(other, body).statusCode(200)
                .body("responreceiveNIB.data_checklist[0].status", equalTo("opened"))
                .extract().path("responreceiveNIB.data_checklist[0].nomor_permohonan");
        assertNotEquals(ours, theirs);
        // Each one's resend finds its own filing.
        receive(other, body).statusCode(200)
                .body("responreceiveNIB.data_checklist[0].status", equalTo("existing"))
                .body("responreceiveNIB.data_checklist[0].nomor_permohonan", equalTo(theirs));
        receive(oss, body).statusCode(200)
                .body("responreceiveNIB.data_checklist[0].status", equalTo("existing"))
                .body("responreceiveNIB.data_checklist[0].nomor_permohonan", equalTo(ours));
        given().auth().oauth2(other).get("/api/v1/applications/" + ours).then().statusCode(404);
    }

    @Test
    void badMessagesAre400AndOnlyAnIntegratorWithApplicationsWriteMayPush() {
        String nib = nib();
        receive(oss, Map.of()).statusCode(400).body("errors.field", hasItem("dataNIB"));
        receive(oss, "{not json").statusCode(400);
        receive(oss, Map.of("dataNIB", Map.of("nib", "123", "data_checklist", List.of()))).statusCode(400)
                .body("errors.field", contains("dataNIB.nib", "dataNIB.data_checklist"));
        receive(oss, Map.of("dataNIB", Map.of("nib", nib, "data_checklist", "nope"))).statusCode(400);
        receive(oss, Map.of("dataNIB", Map.of("nib", 42, "data_checklist", List.of(Map.of("id_izin", List.of(1))))))
                .statusCode(400);
        Map<String, Object> noCode = item("IZ-1", kdIzin, null);
        noCode.remove("kd_izin");
        receive(oss, message(nib, List.of(noCode, item("IZ-1", kdIzin, null), item("x".repeat(101), kdIzin, null))))
                .statusCode(400)
                .body("errors.field", contains("dataNIB.data_checklist[0].kd_izin", "dataNIB.data_checklist[1].id_izin",
                        "dataNIB.data_checklist[2].id_izin"))
                .body("errors.code", contains("required", "oss-duplicate-id-izin", "size"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(item("IZ-" + i, kdIzin, null));
        }
        receive(oss, message(nib, many)).statusCode(400).body("errors.field", contains("dataNIB.data_checklist"));

        Map<String, Object> good = message(nib, List.of(item("IZ-1", kdIzin, null)));
        receive(client(UUID.randomUUID().toString(), Scopes.APPLICATIONS_READ), good).statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        receive(TestTokens.citizen(UUID.randomUUID().toString()), good).statusCode(403);
        receive(officer, good).statusCode(403);
        given().contentType(ContentType.JSON).body(good).post("/api/v1/oss/receive-nib").then().statusCode(401);
        // Nothing was opened by any of these.
        receive(oss, good).statusCode(200).body("responreceiveNIB.data_checklist[0].status", equalTo("opened"));
    }

    @Test
    void theOssFormatIsForApplicationEventsOnly() {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url("/oss/x"));
        body.put("eventTypes", List.of("application.*"));
        body.put("format", "xml");
        given().auth().oauth2(oss).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks/subscriptions")
                .then().statusCode(400).body("errors.field", contains("format"));
        String queueToo = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "oss-q",
                Set.of(Roles.INTEGRATOR), null, null, Set.of(Scopes.WEBHOOKS_MANAGE, Scopes.QUEUE_READ,
                Scopes.APPLICATIONS_READ), true));
        body.put("format", "oss-izinstatus");
        body.put("eventTypes", List.of("application.*", "ticket.*"));
        given().auth().oauth2(queueToo).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks/subscriptions")
                .then().statusCode(400).body("errors.field", contains("eventTypes"))
                .body("errors.code", contains("webhook-format-applications-only"));
    }

    private String subscribeOss(String path) {
        Map<String, Object> body = Map.of("url", receiver.url(path), "eventTypes", List.of("application.*"),
                "format", "oss-izinstatus");
        JsonPath created = given().auth().oauth2(oss).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201)
                .body("format", equalTo("oss-izinstatus")).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created.getString("secret");
    }

    private void act(String token, String tn, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", action);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + tn + "/transitions").then().statusCode(200);
    }

    private void completeAndSubmit(String tn, String nib) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("form", Map.of("alamat", "Jl. Braga 10", "jenis", "A"));
        edit.put("nib", nib);
        edit.put("kbli", "47730");
        given().auth().oauth2(oss).contentType(ContentType.JSON).body(edit).put("/api/v1/applications/" + tn)
                .then().statusCode(200);
        given().auth().oauth2(oss).contentType(ContentType.JSON).post("/api/v1/applications/" + tn + "/submit").then().statusCode(200);
    }

    @Test
    void everyStateChangeReachesOssAsASignedIzinStatusWithTheMappedCode() throws Exception {
        String path = "/oss/" + UUID.randomUUID();
        String secret = subscribeOss(path);
        String nib = nib();
        JsonPath answer = receive(oss, message(nib, List.of(item("IZ-A", kdIzin, null), item("IZ-B", kdIzin, null))))
                .statusCode(200).extract().jsonPath();
        String a = answer.getString("responreceiveNIB.data_checklist[0].nomor_permohonan");
        String b = answer.getString("responreceiveNIB.data_checklist[1].nomor_permohonan");

        completeAndSubmit(a, nib);
        act(officer, a, "start-verification", Map.of());
        act(officer, a, "return", Map.of("note", "Lengkapi denah lokasi"));
        completeAndSubmit(a, nib); // a returned application is resubmitted
        act(officer, a, "start-verification", Map.of());
        act(officer, a, "verify", Map.of());
        act(supervisor, a, "approve", Map.of());
        completeAndSubmit(b, nib);
        act(officer, b, "reject", Map.of("reason", "KBLI tidak sesuai lokasi"));

        List<JsonObject> forA = new ArrayList<>();
        List<JsonObject> forB = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            WebhookReceiver.Received got = receiver.next(path, 15);
            assertTrue(WebhookReceiver.verify(secret, got.header("SatuPintu-Signature"), got.body()),
                    "an OSS message is signed like every delivery");
            JsonObject status = new JsonObject(got.text()).getJsonObject("IZINSTATUS");
            assertEquals(nib, status.getString("nib"));
            assertEquals(kdIzin, status.getString("kd_izin"));
            (status.getString("id_izin").equals("IZ-A") ? forA : forB).add(status);
        }
        // Drafting and editing are not state changes OSS hears of; everything else is, in order.
        assertEquals(List.of("10", "10", "41", "42", "10", "45", "50"),
                forA.stream().map(s -> s.getString("kd_status")).toList());
        assertEquals(List.of("10", "90"), forB.stream().map(s -> s.getString("kd_status")).toList());
        assertEquals(a, forA.get(0).getString("nomor_permohonan"));
        assertEquals("PRJ-1", forA.get(0).getString("id_proyek"));
        assertEquals("APPROVED", forA.get(6).getString("nama_status"));
        assertEquals("Lengkapi denah lokasi", forA.get(2).getString("keterangan"));
        assertEquals("KBLI tidak sesuai lokasi", forB.get(1).getString("keterangan"));
        // OSS's time format, on the site's clock (MPP-BDG: Asia/Jakarta).
        LocalDateTime at = LocalDateTime.parse(forA.get(6).getString("tgl_status"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Jakarta"));
        assertTrue(Duration.between(at, now).abs().toSeconds() < 120, at + " vs " + now);
        assertEquals(List.of(), receiver.drain(path, 700));
    }

    @Test
    void applicationsFiledOutsideOssAreNotSentInOssShape() throws Exception {
        String path = "/oss/" + UUID.randomUUID();
        subscribeOss(path);
        Map<String, Object> body = new HashMap<>();
        body.put("serviceCode", service);
        body.put("form", Map.of("alamat", "Jl. Braga 10", "jenis", "A"));
        body.put("nib", nib());
        body.put("kbli", "47730");
        String tn = given().auth().oauth2(oss).contentType(ContentType.JSON).body(body).post("/api/v1/applications")
                .then().statusCode(201).extract().path("trackingNumber");
        act(officer, tn, "start-verification", Map.of());
        assertEquals(List.of(), receiver.drain(path, 1500));
    }
}
