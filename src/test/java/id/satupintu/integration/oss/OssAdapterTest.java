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
    /** IZINSTATUS's fields in the published receiveLicenseStatus example (oss-rba.github.io, apiVersion 4.3.19). */
    static final Set<String> RECEIVE_LICENSE_STATUS_FIELDS = Set.of("nib", "id_produk", "id_proyek", "oss_id", "id_izin",
            "kd_izin", "kd_instansi", "kd_status", "tgl_status", "nip_status", "nama_status", "keterangan", "file_lampiran",
            "persetujuan_form", "data_pnbp");
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
        item.put("kd_instansi", "K" + idIzin.length());
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
        data.put("oss_id", "OSS-" + nib);
        data.put("tgl_pengajuan_nib", "2026-11-20");
        data.put("jenis_perseroan", "01");
        data.put("nama_perseroan", "PT Sehat Selalu");
        data.put("npwp_perseroan", "012345678901000");
        data.put("data_proyek", List.of(proyek));
        data.put("data_checklist", items);
        return Map.of("dataNIB", data);
    }

    /** With the richer per-item answer an integrator asks for. */
    private ValidatableResponse receive(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib?answer=items").then();
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
                .post("/api/v1/oss/receive-nib?answer=items").then().statusCode(200)
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
                        "dataNIB.data_checklist[2].id_izin", "dataNIB.data_checklist[2].id_produk"))
                .body("errors.code", contains("required", "oss-duplicate-id-izin", "size", "size"));
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
        given().auth().oauth2(oss).contentType(ContentType.JSON).body(good).post("/api/v1/oss/receive-nib?answer=all")
                .then().statusCode(400).body("errors.field", contains("answer"));
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
            JsonObject message = new JsonObject(got.text());
            assertEquals(Set.of("IZINSTATUS"), message.fieldNames());
            JsonObject status = message.getJsonObject("IZINSTATUS");
            // Only fields of the published receiveLicenseStatus body (OSS RBA 4.3.19).
            assertTrue(RECEIVE_LICENSE_STATUS_FIELDS.containsAll(status.fieldNames()), status.fieldNames().toString());
            assertEquals(nib, status.getString("nib"));
            assertEquals("OSS-" + nib, status.getString("oss_id"));
            assertEquals("P-" + status.getString("id_izin"), status.getString("id_produk"));
            assertEquals("K4", status.getString("kd_instansi"));
            assertEquals(kdIzin, status.getString("kd_izin"));
            (status.getString("id_izin").equals("IZ-A") ? forA : forB).add(status);
        }
        // Drafting and editing are not state changes OSS hears of; everything else is, in order.
        assertEquals(List.of("10", "10", "41", "42", "10", "45", "50"),
                forA.stream().map(s -> s.getString("kd_status")).toList());
        assertEquals(List.of("10", "90"), forB.stream().map(s -> s.getString("kd_status")).toList());
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

    // ---- OSS's own door and answer (OSS RBA integration documents 4.3.19 to 4.3.22) ----

    /** The API client application.properties names for the Token door (%test.satupintu.oss.token-client). */
    private static final String TOKEN_CLIENT = "0055e000-0000-4000-8000-000000000055";

    /** The Token door's client, bound to this test's agency (its stored row is what counts). */
    private void tokenClient() {
        client(TOKEN_CLIENT, Scopes.APPLICATIONS_WRITE, Scopes.APPLICATIONS_READ);
        sql("update identity_api_client set agency_code = $1, active = true, scopes = $2 where id = $3", agency,
                Scopes.APPLICATIONS_WRITE + " " + Scopes.APPLICATIONS_READ, UUID.fromString(TOKEN_CLIENT));
    }

    /** SHA1(USERNAME+PASSWORD+NIB+DATE(Ymd)), hex, from the published header description alone. */
    private static String token(String username, String password, String nib, java.time.LocalDate date) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(
                (username + password + nib + date.format(DateTimeFormatter.BASIC_ISO_DATE)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    private static String todaysToken(String nib) throws Exception {
        return token("OSS000qw", "uji-sandi-oss", nib, java.time.LocalDate.now(ZoneId.of("Asia/Jakarta")));
    }

    private static ValidatableResponse pushWithToken(String token, Object body, String query) {
        return given().header("Token", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib" + query).then();
    }

    @Test
    void theTokenIsThePublishedSha1() throws Exception {
        // The published header example concatenates username OSS000qw, password 13242628gssssss, NIB
        // 8123456547098 and date 20180514; the Token is SHA1 of that text (computed outside Java).
        assertEquals("8337beef87dbbee844ed4bac7aa3be2a18d956d5",
                OssToken.expected("OSS000qw", "13242628gssssss", "8123456547098", java.time.LocalDate.of(2018, 5, 14)));
        assertEquals(token("OSS000qw", "13242628gssssss", "8123456547098", java.time.LocalDate.of(2018, 5, 14)),
                OssToken.expected("OSS000qw", "13242628gssssss", "8123456547098", java.time.LocalDate.of(2018, 5, 14)));
        // Around midnight WIB both dates count for the slack; at noon only today.
        java.time.Instant nearMidnight = java.time.Instant.parse("2026-12-04T16:58:00Z"); // 23:58 WIB
        assertEquals(Set.of(java.time.LocalDate.of(2026, 12, 4), java.time.LocalDate.of(2026, 12, 5)),
                OssToken.dates(nearMidnight, Duration.ofMinutes(5)));
        assertEquals(Set.of(java.time.LocalDate.of(2026, 12, 4)),
                OssToken.dates(java.time.Instant.parse("2026-12-04T05:00:00Z"), Duration.ofMinutes(5)));
    }

    @Test
    void ossWithItsTokenGetsItsOwnAnswerShape() throws Exception {
        tokenClient();
        String nib = nib();
        JsonPath ok = pushWithToken(todaysToken(nib), message(nib, List.of(item("IZ-1", kdIzin, null))), "")
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        // Exactly the published success response: {"responreceiveNIB": {"status": "1", "keterangan": "..."}}.
        assertEquals(Set.of("responreceiveNIB"), ok.getMap("$").keySet());
        assertEquals(Set.of("status", "keterangan"), ok.getMap("responreceiveNIB").keySet());
        assertEquals("1", ok.getString("responreceiveNIB.status"));
        assertTrue(ok.get("responreceiveNIB.status") instanceof String);
        // The draft was opened for the Token's client, as stored: its binding and scopes.
        assertEquals(1L, count("select count(*) from oss_permit where nib = $1 and client_id = $2", nib,
                UUID.fromString(TOKEN_CLIENT)));
        // A resend is still "1"; an item that cannot be processed makes it "2", naming the item.
        pushWithToken(todaysToken(nib), message(nib, List.of(item("IZ-1", kdIzin, null), item("IZ-2", "NOT-A-CODE", null))), "")
                .statusCode(200).body("responreceiveNIB.status", equalTo("2"))
                .body("responreceiveNIB.keterangan", containsString("IZ-2"))
                .body("responreceiveNIB.keterangan", containsString("NOT-A-CODE"))
                .body("responreceiveNIB.data_checklist", nullValue());
        // The richer answer on request, by the Token too.
        pushWithToken(todaysToken(nib), message(nib, List.of(item("IZ-1", kdIzin, null))), "?answer=items")
                .statusCode(200).body("responreceiveNIB.kode", equalTo(200))
                .body("responreceiveNIB.data_checklist[0].status", equalTo("existing"))
                .body("responreceiveNIB.status", nullValue());
        // And a bearer-token integrator gets OSS's shape by default as well.
        given().auth().oauth2(oss).contentType(ContentType.JSON).body(message(nib(), List.of(item("IZ-3", kdIzin, null))))
                .post("/api/v1/oss/receive-nib").then().statusCode(200)
                .body("responreceiveNIB.status", equalTo("1")).body("responreceiveNIB.kode", nullValue());
    }

    @Test
    void aWrongTokenDateNibOrARevokedClientIs401AndOpensNothing() throws Exception {
        tokenClient();
        String nib = nib();
        Map<String, Object> body = message(nib, List.of(item("IZ-1", kdIzin, null)));
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Jakarta"));
        List<String> wrong = List.of(
                token("OSS000qw", "salah", nib, today),                       // wrong password
                token("OSS000qx", "uji-sandi-oss", nib, today),               // wrong username
                token("OSS000qw", "uji-sandi-oss", nib, today.minusDays(1)),  // yesterday's token
                token("OSS000qw", "uji-sandi-oss", nib, today.plusDays(2)),   // a date to come
                token("OSS000qw", "uji-sandi-oss", nib(), today),             // another business's NIB
                "OSS000qw" + "uji-sandi-oss" + nib + today.format(DateTimeFormatter.BASIC_ISO_DATE), // not hashed
                "x".repeat(5000), "é\u0000");
        for (String token : wrong) {
            pushWithToken(token, body, "").statusCode(401).body("code", equalTo("oss-token-invalid"));
        }
        // An empty Token header is no credential at all.
        pushWithToken("", body, "").statusCode(401);
        // Malformed messages with a Token: 400, as with a bearer token.
        pushWithToken(todaysToken(nib), "{not json", "").statusCode(400);
        pushWithToken(todaysToken(nib), Map.of(), "").statusCode(400).body("errors.field", hasItem("dataNIB.nib"));
        pushWithToken(todaysToken("123"), Map.of("dataNIB", Map.of("nib", "123", "data_checklist", List.of(item("IZ-1", kdIzin, null)))), "")
                .statusCode(400).body("errors.field", contains("dataNIB.nib"));
        Map<String, Object> hugeOssId = message(nib, List.of(item("IZ-1", kdIzin, null)));
        ((Map<String, Object>) hugeOssId.get("dataNIB")).put("oss_id", "x".repeat(101));
        pushWithToken(todaysToken(nib), hugeOssId, "").statusCode(400).body("errors.field", contains("dataNIB.oss_id"));
        // The client OSS acts as, revoked: the right Token no longer opens the door.
        sql("update identity_api_client set active = false where id = $1", UUID.fromString(TOKEN_CLIENT));
        try {
            pushWithToken(todaysToken(nib), body, "").statusCode(401).body("code", equalTo("oss-token-invalid"));
        } finally {
            sql("update identity_api_client set active = true where id = $1", UUID.fromString(TOKEN_CLIENT));
        }
        assertEquals(0L, count("select count(*) from oss_permit where nib = $1", nib));
        pushWithToken(todaysToken(nib), body, "").statusCode(200).body("responreceiveNIB.status", equalTo("1"));
    }

    @Test
    void anOssAnswerWithAKodeOtherThan200IsRetried() throws Exception {
        String path = "/oss/" + UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        // OSS answers HTTP 200 with kode 400 "Data izin tidak ditemukan" (its published error response), then accepts.
        receiver.reply(path, () -> new WebhookReceiver.Reply(200, Map.of("Content-Type", "application/json"),
                calls.incrementAndGet() == 1
                        ? "{\"responreceiveLicenseStatus\":{\"kode\":400,\"keterangan\":\"Data izin tidak ditemukan\",\"dataNIB\":{}}}"
                        : "{\"responreceiveLicenseStatus\":{\"kode\":200,\"keterangan\":\"Sukses\",\"dataNIB\":{}}}"));
        subscribeOss(path);
        String nib = nib();
        String tn = receive(oss, message(nib, List.of(item("IZ-A", kdIzin, null)))).statusCode(200).extract()
                .path("responreceiveNIB.data_checklist[0].nomor_permohonan");
        completeAndSubmit(tn, nib);
        WebhookReceiver.Received first = receiver.next(path, 15);
        WebhookReceiver.Received again = receiver.next(path, 15);
        assertEquals(first.header("SatuPintu-Event-Id"), again.header("SatuPintu-Event-Id"));
        assertEquals("2", again.header("SatuPintu-Delivery-Attempt"));
        assertEquals(List.of(), receiver.drain(path, 1000));
    }

    @Test
    void aDeemedApprovalReachesOssOnce() throws Exception {
        String path = "/oss/" + UUID.randomUUID();
        subscribeOss(path);
        String nib = nib();
        String tn = receive(oss, message(nib, List.of(item("IZ-A", kdIzin, null)))).statusCode(200).extract()
                .path("responreceiveNIB.data_checklist[0].nomor_permohonan");
        completeAndSubmit(tn, nib);
        assertEquals("10", new JsonObject(receiver.next(path, 15).text()).getJsonObject("IZINSTATUS").getString("kd_status"));
        // The deemed approval the SLA job writes (state DEEMED_APPROVED, OSS code 57), written twice at
        // once, as two replicas' runs racing would: OSS hears it once.
        String deemed = """
                insert into event (stream, type, payload)
                select stream, 'application.deem-approve',
                       payload || jsonb_build_object('action', 'deem-approve', 'fromState', 'SUBMITTED',
                                                     'state', 'DEEMED_APPROVED', 'ossStatusCode', 57)
                  from event where payload ->> 'trackingNumber' = $1 and payload ->> 'ossStatusCode' = '10'
                   and stream like 'application:%' order by id desc limit 1""";
        Pool db = Arc.container().instance(Pool.class).get();
        io.smallrye.mutiny.Uni.combine().all()
                .unis(db.withTransaction(c -> c.preparedQuery(deemed).execute(Tuple.of(tn))),
                        db.withTransaction(c -> c.preparedQuery(deemed).execute(Tuple.of(tn))))
                .discardItems().await().atMost(Duration.ofSeconds(10));
        assertEquals(2L, count("select count(*) from event where payload ->> 'trackingNumber' = $1"
                + " and payload ->> 'ossStatusCode' = '57'", tn));
        JsonObject status = new JsonObject(receiver.next(path, 15).text()).getJsonObject("IZINSTATUS");
        assertEquals("57", status.getString("kd_status"));
        assertEquals("DEEMED_APPROVED", status.getString("nama_status"));
        assertEquals(List.of(), receiver.drain(path, 1500));
    }

    @Test
    void clientCredentialsInABasicHeaderAreTheOtherDoor() {
        String clientId = "oss-basic-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("name", "Sistem OSS Basic");
        client.put("kind", "integrator");
        client.put("scopes", List.of(Scopes.APPLICATIONS_WRITE));
        client.put("agencyCode", agency);
        String secret = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(client)
                .post("/api/v1/api-clients").then().statusCode(201).extract().path("clientSecret");
        String nib = nib();
        Map<String, Object> body = message(nib, List.of(item("IZ-1", kdIzin, null)));
        given().auth().preemptive().basic(clientId, "salah").contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib").then().statusCode(401).body("code", equalTo("invalid-client"));
        given().header("Authorization", "Basic %%%").contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib").then().statusCode(401).body("code", equalTo("invalid-client"));
        assertEquals(0L, count("select count(*) from oss_permit where nib = $1", nib));
        given().auth().preemptive().basic(clientId, secret).contentType(ContentType.JSON).body(body)
                .post("/api/v1/oss/receive-nib").then().statusCode(200).body("responreceiveNIB.status", equalTo("1"));
        assertEquals(1L, count("select count(*) from oss_permit where nib = $1", nib));
    }
}
