package id.satupintu.complaint.open311;

import static id.satupintu.complaint.open311.Open311Fixtures.apiKey;
import static id.satupintu.complaint.open311.Open311Fixtures.exampleForm;
import static id.satupintu.complaint.open311.Open311Fixtures.file;
import static id.satupintu.complaint.open311.Open311Fixtures.post;
import static id.satupintu.complaint.open311.Open311Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.complaint.ComplaintKind;
import id.satupintu.complaint.RejectReason;
import id.satupintu.complaint.ReporterMode;
import id.satupintu.complaint.filing.ComplaintFiling;
import id.satupintu.complaint.filing.ComplaintInput;
import id.satupintu.complaint.handling.ComplaintTransitionInput;
import id.satupintu.complaint.handling.ComplaintTransitions;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * POST requests, GET requests, GET requests/{id} and tokens, in XML and JSON, with the examples of
 * wiki.open311.org/GeoReport_v2 made ours (a site as jurisdiction, a complaint category as service),
 * and the errors the specification lists for each call.
 */
@QuarkusTest
class Open311RequestsTest {

    private static final String W3C_WIB = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00";

    @Inject
    ComplaintFiling filing;

    @Inject
    ComplaintTransitions transitions;

    // ---------------------------------------------------------------------------------------------
    // POST requests

    @Test
    void theSpecificationsExampleRequestCreatesAComplaintAnsweredInXml() {
        String key = apiKey("complaints:write");
        String description = unique("Petugas loket meminta uang pelicin Rp150.000 agar berkas cepat diproses");
        // <service_requests><request><service_request_id/><service_notice/><account_id/></request></service_requests>
        String xml = post("xml", exampleForm(key, description)).statusCode(200)
                .header("Content-Type", equalTo("text/xml; charset=utf-8"))
                .body("service_requests.request.service_request_id", matchesPattern("[A-Z0-9-]{6,}"))
                .body("service_requests.request.service_notice", containsString("diverifikasi"))
                .body("service_requests.request.account_id", equalTo(""))
                .extract().asString();
        assertTrue(xml.contains("<account_id/>"), xml);
        assertFalse(xml.contains("<token>"), "a realtime service returns the id, never a token: " + xml);
        String id = io.restassured.path.xml.XmlPath.from(xml).getString("service_requests.request.service_request_id");

        String stored = given().get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=MPP-BDG").then()
                .statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.status_notes", startsWith("RECEIVED"))
                .body("service_requests.request.service_name", equalTo("Pungutan liar"))
                .body("service_requests.request.service_code", equalTo("PUNGLI"))
                .body("service_requests.request.description", equalTo(description))
                .body("service_requests.request.requested_datetime", matchesPattern(W3C_WIB))
                .body("service_requests.request.updated_datetime", matchesPattern(W3C_WIB))
                .body("service_requests.request.expected_datetime", matchesPattern(".*T23:59:59\\+07:00"))
                .body("service_requests.request.address", startsWith("Jl. Wastukencana"))
                .body("service_requests.request.lat", equalTo("-6.9147"))
                .body("service_requests.request.long", equalTo("107.6098"))
                .body("service_requests.request.media_url", equalTo("https://foto.example.id/2212426634_5ed477a060.jpg"))
                .extract().asString();
        // The reporter's contact is kept for the office, never shown through Open311.
        for (String personal : List.of("Siti", "Rahmawati", "siti.rahma", "0812", "81234567890", "tt222111")) {
            assertFalse(stored.contains(personal), personal + " leaked: " + stored);
        }
        Row row = Open311Fixtures.pool().preparedQuery(
                        "select reporter_mode, contact_email, contact_phone, contact_name, filed_by_client, attributes::text "
                                + "from complaint where tracking_code = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("IDENTIFIED", row.getString("reporter_mode"));
        assertNotEquals("siti.rahma@example.id", row.getString("contact_email"), "contact must be encrypted at rest");
        assertFalse(row.getString("contact_phone").contains("81234567890"), "phone must be encrypted at rest");
        assertFalse(row.getString("contact_name").contains("Siti"), "name must be encrypted at rest");
        assertTrue(row.getString("attributes").contains("150000"), row.getString("attributes"));
    }

    @Test
    void theExampleAnsweredInJsonIsAnArrayOfOneRequest() {
        String key = apiKey("complaints:write");
        // [{"service_request_id":..., "service_notice":..., "account_id":null}]
        post("json", exampleForm(key, unique("Diminta biaya tambahan untuk legalisir"))).statusCode(200)
                .header("Content-Type", equalTo("application/json; charset=utf-8"))
                .body("$", hasSize(1))
                .body("[0].service_request_id", matchesPattern("[A-Z0-9-]{6,}"))
                .body("[0].service_notice", not(equalTo(null)))
                .body("[0].account_id", nullValue())
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")));
    }

    @Test
    void withoutContactTheComplaintIsAnonymousAndAnAddressAloneLocatesIt() {
        String key = apiKey("complaints:write");
        Map<String, String> form = exampleForm(key, unique("Toilet lantai 2 rusak sejak seminggu"));
        for (String field : List.of("email", "first_name", "last_name", "phone", "lat", "long")) {
            form.remove(field);
        }
        form.put("service_code", "SARANA");
        form.remove("attribute[amount]");
        String id = post("json", form).statusCode(200).extract().path("[0].service_request_id");
        Row row = Open311Fixtures.pool().preparedQuery("select reporter_mode, contact_name, kind from complaint "
                        + "where tracking_code = $1").execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        assertEquals("ANONYMOUS", row.getString("reporter_mode"));
        assertEquals(null, row.getString("contact_name"));
        assertEquals("PENGADUAN", row.getString("kind"));
    }

    @Test
    void aCategoryForInformationRequestsFilesAnInformationRequest() {
        String key = apiKey("complaints:write");
        Map<String, String> form = exampleForm(key, unique("Apa saja persyaratan izin reklame?"));
        form.put("service_code", "INFORMASI");
        form.remove("attribute[amount]");
        String id = post("json", form).statusCode(200).extract().path("[0].service_request_id");
        String kind = Open311Fixtures.pool().preparedQuery("select kind from complaint where tracking_code = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next().getString("kind");
        assertEquals("INFORMATION_REQUEST", kind);
    }

    @Test
    void aMissingOrWrongApiKeyIsA403() {
        Map<String, String> form = exampleForm(apiKey("complaints:write"), unique("tanpa kunci"));
        form.remove("api_key");
        // The specification's own example: HTTP 403, <errors><error><code>403</code><description>...
        post("xml", form).statusCode(403).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("403"))
                .body("errors.error.description", equalTo("api_key wajib dikirim untuk membuat permintaan layanan."));
        form.put("api_key", apiKey("complaints:write").split(":")[0] + ":salah");
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403))
                .body("[0].description", equalTo("Invalid api_key received; the service request cannot be created."));
        form.put("api_key", "no-colon-here");
        post("json", form).statusCode(403).body("[0].code", equalTo(403));
        form.put("api_key", "tidak-ada:" + Open311Fixtures.SECRET);
        post("json", form).statusCode(403).body("[0].code", equalTo(403));
    }

    @Test
    void aClientWithoutTheComplaintsScopeIsA403() {
        Map<String, String> form = exampleForm(apiKey("applications:read"), unique("tanpa cakupan"));
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].description", equalTo("This API client lacks scope complaints:write."));
    }

    @Test
    void badFormsAre400sNamingEachParameter() {
        String key = apiKey("complaints:write");
        Map<String, String> form = exampleForm(key, unique("x"));
        form.remove("service_code");
        form.remove("description");
        form.put("lat", "utara");
        post("json", form).statusCode(400)
                .body("code", everyItem(equalTo(400)))
                .body("description", hasItems("service_code: wajib diisi", "description: wajib diisi",
                        "lat: jenis nilai salah"));

        form = exampleForm(key, unique("tanpa lokasi"));
        form.remove("lat");
        form.remove("long");
        form.remove("address_string");
        post("xml", form).statusCode(400).body("errors.error.description",
                equalTo("lat: kirim lat dan long, atau address_string"));
        form.put("address_id", "545483");
        post("json", form).statusCode(400).body("[0].description", startsWith("address_id: "));

        form = exampleForm(key, unique("hanya lintang"));
        form.remove("long");
        post("json", form).statusCode(400).body("[0].description", equalTo("long: wajib diisi"));

        form = exampleForm(key, "x".repeat(4001));
        post("json", form).statusCode(400).body("[0].description", startsWith("description: "));

        // Values the complaint service refuses come back under the parameter names the client sent.
        String[][] refused = {
            {"lat", "123.5"}, {"attribute[WHISPAWN]", "123456"}, {"attribute[amount]", "seratus ribu"},
            {"email", "bukan-email"}, {"media_url", "javascript:alert(1)"}, {"phone", "12"}};
        for (String[] bad : refused) {
            form = exampleForm(key, unique("nilai salah " + bad[0]));
            form.put(bad[0], bad[1]);
            post("json", form).statusCode(400).body("description", hasItem(startsWith(bad[0] + ": ")));
        }
    }

    @Test
    void unknownServiceOrJurisdictionIsA404AndAMissingJurisdictionA400() {
        String key = apiKey("complaints:write");
        Map<String, String> form = exampleForm(key, unique("kategori tidak ada"));
        form.put("service_code", "DMV66");
        post("json", form).statusCode(404).body("[0].code", equalTo(404))
                .body("[0].description", equalTo("service_code DMV66 tidak dikenal."));
        form = exampleForm(key, unique("yurisdiksi tidak ada"));
        form.put("jurisdiction_id", "city.gov");
        post("xml", form).statusCode(404).body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("city.gov"));
        form.remove("jurisdiction_id");
        post("json", form).statusCode(400).body("[0].description", equalTo("jurisdiction_id: wajib diisi"));
    }

    @Test
    void aBodyThatIsNotAFormIsA400InOpen311Shape() {
        given().contentType("application/json").body("{\"service_code\":\"PUNGLI\"}")
                .post("/open311/v2/requests.json").then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("[0].code", equalTo(400))
                .body("[0].description", equalTo("Kirim permintaan sebagai application/x-www-form-urlencoded."));
        given().contentType("application/x-www-form-urlencoded").body("api_key=%zz&service_code=PUNGLI")
                .post("/open311/v2/requests.xml").then().statusCode(400)
                .body("errors.error.code", equalTo("400"));
        given().contentType("application/x-www-form-urlencoded").body("service_code=PUNGLI&service_code=SARANA")
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", startsWith("service_code: "));
        given().contentType("application/x-www-form-urlencoded").body("description=a%00b")
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", startsWith("description: "));
    }

    @Test
    void theSameReportSentTwiceAtOnceIsFiledOnce() throws Exception {
        String key = apiKey("complaints:write");
        Map<String, String> form = exampleForm(key, unique("Pungutan di loket 4 saat pengambilan KTP-el"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> post("json", form).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            // A duplicate is an error "where the request can not be fulfilled as expected": 400.
            assertEquals(3, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        post("json", form).statusCode(400).body("[0].code", equalTo(400));
    }

    @Test
    void theComplaintRateLimitPerClientHoldsWithRetryAfterInOpen311Shape() {
        // The test profile allows 8 submissions per client and window (satupintu.complaints.rate-limit.per-client).
        String key = apiKey("complaints:write");
        for (int i = 0; i < 8; i++) {
            file(key, unique("Laporan ke-" + i));
        }
        post("xml", exampleForm(key, unique("Laporan kesembilan"))).statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("429"));
        // Another client is not held back by the first one's use.
        file(apiKey("complaints:write"), unique("Laporan dari aplikasi lain"));
    }

    @Test
    void theDemoOpen311ClientFilesWithItsApiKey() {
        Map<String, String> form = exampleForm("open311-demo:open311-demo-secret-2025", unique("Uji klien demo"));
        post("json", form).statusCode(200).body("[0].service_request_id", matchesPattern("[A-Z0-9-]{6,}"));
    }

    // ---------------------------------------------------------------------------------------------
    // GET requests/{id} and GET requests

    @Test
    void closedWithTheFinerStateInStatusNotesAndTheAgencyResponsibleByName() throws Throwable {
        String key = apiKey("complaints:write");
        String rejected = file(key, unique("Laporan yang sama dengan sebelumnya"));
        String forwarded = file(key, unique("KTP-el belum jadi setelah 30 hari"));
        Caller desk = new Caller(UUID.randomUUID().toString(), "supervisor-uji", Set.of(Roles.SUPERVISOR), null,
                "MPP-BDG", false, Set.of());
        act(desk, rejected, new ComplaintTransitionInput("reject", "Sama dengan laporan sebelumnya.", null,
                RejectReason.DUPLICATE, null, null));
        act(desk, forwarded, new ComplaintTransitionInput("verify", null, null, null, null, null));
        act(desk, forwarded, new ComplaintTransitionInput("forward", null, null, null, "DISDUKCAPIL-BDG", null));

        // Like the specification's example: <status>closed</status><status_notes>Duplicate request.</status_notes>
        given().get("/open311/v2/requests/" + rejected + ".json?jurisdiction_id=MPP-BDG").then().statusCode(200)
                .body("[0].status", equalTo("closed"))
                .body("[0].status_notes", startsWith("REJECTED (DUPLICATE)"));
        given().get("/open311/v2/requests/" + forwarded + ".xml?jurisdiction_id=MPP-BDG").then().statusCode(200)
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.status_notes", startsWith("FORWARDED"))
                .body("service_requests.request.agency_responsible",
                        equalTo("Dinas Kependudukan dan Pencatatan Sipil Kota Bandung"));

        String ids = rejected + "," + forwarded;
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&service_request_id=" + ids + "&status=closed")
                .then().statusCode(200)
                // "service_request_id ... overrides all other arguments"
                .body("service_request_id", contains(forwarded, rejected));
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&status=closed&service_code=PUNGLI").then()
                .statusCode(200)
                .body("service_request_id", hasItem(rejected))
                .body("service_request_id", not(hasItem(forwarded)))
                .body("status", everyItem(equalTo("closed")));
        given().get("/open311/v2/requests.xml?jurisdiction_id=MPP-BDG&status=open,closed").then().statusCode(200)
                .body("service_requests.request.service_request_id", hasItems(rejected, forwarded));
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&status=open").then().statusCode(200)
                .body("service_request_id", hasItem(forwarded))
                .body("service_request_id", not(hasItem(rejected)));
    }

    @Test
    void aConfidentialReportersIdentityAndTextNeverReachOpen311() throws Throwable {
        String reporter = UUID.randomUUID().toString();
        Caller citizen = new Caller(reporter, "warga-rahasia", Set.of(Roles.CITIZEN), null, null, false, Set.of());
        String description = unique("Kepala seksi meminta imbalan; saya Budi Santoso dari Cibeunying");
        var filed = VertxContextSupport.subscribeAndAwait(() -> filing.file(citizen, new ComplaintInput(
                ComplaintKind.PENGADUAN, "PUNGLI", ReporterMode.CONFIDENTIAL, null, description, "MPP-BDG", null, null,
                null, null, null, null, "Jl. Cihampelas", null, "Budi Santoso", "budi@example.id", "081298765432",
                Map.of()), "127.0.0.1"));
        String id = filed.complaint().trackingCode();
        for (String format : List.of("xml", "json")) {
            String one = given().get("/open311/v2/requests/" + id + "." + format + "?jurisdiction_id=MPP-BDG").then()
                    .statusCode(200).extract().asString();
            String all = given().get("/open311/v2/requests." + format + "?jurisdiction_id=MPP-BDG&service_code=PUNGLI")
                    .then().statusCode(200).extract().asString();
            assertTrue(one.contains(id) && all.contains(id), one);
            for (String body : List.of(one, all)) {
                for (String personal : List.of("Budi", "Santoso", "budi@", "0812", "81298765432", reporter)) {
                    assertFalse(body.contains(personal), personal + " leaked through Open311: " + body);
                }
            }
        }
    }

    /**
     * Where it happened, its photo and the responses to it can point to a confidential reporter as well
     * as its text can: Open311 shows what it is about and how far it got, in every read (one request,
     * the list, a search by id), while a complaint that is not confidential keeps them.
     */
    @Test
    void aConfidentialComplaintsLocationMediaAndNotesAreWithheld() throws Throwable {
        Caller citizen = new Caller(UUID.randomUUID().toString(), "warga-rahasia", Set.of(Roles.CITIZEN), null, null,
                false, Set.of());
        var filed = VertxContextSupport.subscribeAndAwait(() -> filing.file(citizen, new ComplaintInput(
                ComplaintKind.PENGADUAN, "PUNGLI", ReporterMode.CONFIDENTIAL, null, unique("Diminta uang di loket 4"),
                "MPP-BDG", null, null, null, null, -6.9031, 107.6186, "Jl. Cihampelas No. 160, rumah pagar hijau",
                "https://foto.example.id/rahasia-loket-4.jpg", null, null, null, Map.of()), "127.0.0.1"));
        String secret = filed.complaint().trackingCode();
        String open = file(apiKey("complaints:write"), unique("Antrean dilompati calo"));
        Caller desk = new Caller(UUID.randomUUID().toString(), "supervisor-uji", Set.of(Roles.SUPERVISOR), null,
                "MPP-BDG", false, Set.of());
        for (String id : List.of(secret, open)) {
            act(desk, id, new ComplaintTransitionInput("verify", "Petugas loket 4 kami periksa hari ini.", null, null,
                    null, null));
        }
        List<String> withheld = List.of("description", "lat", "long", "address", "media_url", "status_notes");

        for (String path : List.of("/open311/v2/requests/" + secret + ".json?jurisdiction_id=MPP-BDG",
                "/open311/v2/requests.json?jurisdiction_id=MPP-BDG&service_code=PUNGLI",
                "/open311/v2/requests.json?jurisdiction_id=MPP-BDG&service_request_id=" + secret + "," + open)) {
            List<Map<String, Object>> requests = given().get(path).then().statusCode(200).extract().jsonPath()
                    .getList("$");
            Map<String, Object> confidential = requests.stream()
                    .filter(r -> secret.equals(r.get("service_request_id"))).findFirst().orElseThrow();
            for (String field : withheld) {
                assertTrue(confidential.containsKey(field), field + " is missing: GeoReport lists it, empty");
                assertEquals(null, confidential.get(field), field + " of a confidential complaint on " + path);
            }
            assertEquals("open", confidential.get("status"));
            assertEquals("PUNGLI", confidential.get("service_code"));
            requests.stream().filter(r -> open.equals(r.get("service_request_id"))).findFirst().ifPresent(other -> {
                assertEquals(-6.9147, ((Number) other.get("lat")).doubleValue(), 1e-4);
                assertEquals("https://foto.example.id/2212426634_5ed477a060.jpg", other.get("media_url"));
                assertTrue(((String) other.get("status_notes")).contains("Petugas loket 4 kami periksa"));
            });
        }
        for (String path : List.of("/open311/v2/requests/" + secret + ".xml?jurisdiction_id=MPP-BDG",
                "/open311/v2/requests.xml?jurisdiction_id=MPP-BDG&service_request_id=" + secret)) {
            String xml = given().get(path).then().statusCode(200).extract().asString();
            for (String field : withheld) {
                assertTrue(xml.contains("<" + field + "/>"), field + " is not empty in " + xml);
            }
            for (String leak : List.of("-6.9031", "107.6186", "Cihampelas", "rahasia-loket-4", "kami periksa",
                    "Diminta uang")) {
                assertFalse(xml.contains(leak), leak + " leaked through Open311: " + xml);
            }
        }
    }

    @Test
    void aRequestOfAnotherJurisdictionOrUnknownIsA404() {
        String id = file(apiKey("complaints:write"), unique("Antrean tidak bergerak"));
        given().get("/open311/v2/requests/" + id + ".json?jurisdiction_id=MPP-MKS").then().statusCode(404)
                .body("[0].code", equalTo(404));
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-MKS&service_request_id=" + id).then()
                .statusCode(200).body("$", empty());
        given().header("Accept-Language", "en").get("/open311/v2/requests/638344.xml?jurisdiction_id=MPP-BDG").then()
                .statusCode(404)
                .body("errors.error.description", equalTo("service_request_id 638344 was not found in this jurisdiction."));
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(400)
                .body("[0].description", equalTo("jurisdiction_id: wajib diisi"));
    }

    @Test
    void theDateWindowIsCheckedAndDefaultsToNinetyDays() {
        String id = file(apiKey("complaints:write"), unique("Sistem antrean daring gagal"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        given().queryParam("jurisdiction_id", "MPP-BDG").queryParam("start_date", now.minusDays(1).toString())
                .queryParam("end_date", now.plusDays(1).toString())
                .get("/open311/v2/requests.json").then().statusCode(200).body("service_request_id", hasItem(id));
        // Long ago: a window that ends before the filing does not hold it.
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&start_date=2010-05-24T00:00:00Z"
                + "&end_date=2010-06-24T00:00:00Z").then().statusCode(200).body("$", empty());
        // Only an end: the 90 days before it.
        given().queryParam("jurisdiction_id", "MPP-BDG").queryParam("end_date", now.plusMinutes(5).toString())
                .get("/open311/v2/requests.json").then().statusCode(200).body("service_request_id", hasItem(id));
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&start_date=2010-01-01T00:00:00Z"
                + "&end_date=2010-06-24T00:00:00Z").then().statusCode(400)
                .body("[0].description", equalTo("end_date: rentang start_date sampai end_date paling lama 90 hari"));
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&start_date=2010-06-24T00:00:00Z"
                + "&end_date=2010-05-24T00:00:00Z").then().statusCode(400);
        given().get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&start_date=kemarin").then().statusCode(400)
                .body("[0].description", startsWith("start_date: "));
        given().get("/open311/v2/requests.xml?jurisdiction_id=MPP-BDG&status=pending").then().statusCode(400)
                .body("errors.error.description", equalTo("status: harus open atau closed"));
        // An unencoded '+' of an offset arrives as a space and is still understood.
        given().urlEncodingEnabled(false)
                .get("/open311/v2/requests.json?jurisdiction_id=MPP-BDG&start_date=" + now.minusDays(1)
                        .withOffsetSameInstant(ZoneOffset.ofHours(7)).withNano(0).toString())
                .then().statusCode(200).body("service_request_id", hasItem(id));
    }

    @Test
    void tokensAreNeverIssuedSoEveryTokenIsUnknown() {
        given().get("/open311/v2/tokens/12345.xml?jurisdiction_id=MPP-BDG").then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
        given().get("/open311/v2/tokens/12345.json").then().statusCode(400);
        given().get("/open311/v2/tokens/12345.json?jurisdiction_id=city.gov").then().statusCode(404);
    }

    private void act(Caller caller, String trackingCode, ComplaintTransitionInput input) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> transitions.transition(caller, trackingCode, null, input));
    }
}
