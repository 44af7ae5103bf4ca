package id.satupintu.catalog.service;

import static id.satupintu.catalog.CatalogFixtures.createAgency;
import static id.satupintu.catalog.CatalogFixtures.createService;
import static id.satupintu.catalog.CatalogFixtures.field;
import static id.satupintu.catalog.CatalogFixtures.newCode;
import static id.satupintu.catalog.CatalogFixtures.requirement;
import static id.satupintu.catalog.CatalogFixtures.service;
import static id.satupintu.catalog.CatalogFixtures.standard;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceResourceTest {

    /** A fresh agency at MPP-BDG, so a test sees only its own services when it filters by agency. */
    static String newAgency() {
        String code = newCode("AGS");
        createAgency(code, "MPP-BDG");
        return code;
    }

    @Test
    void demoPermitStandardIsPublishedInFull() {
        given().when().get("/api/v1/services/DPMPTSP-PBG")
                .then().statusCode(200)
                .body("type", equalTo("PERIZINAN")).body("agencyCode", equalTo("DPMPTSP-BDG"))
                .body("version", equalTo(1)).body("currentVersion", equalTo(1))
                .body("standard.deemedApproval", equalTo(true))
                .body("standard.form.type", hasItems("STRING", "TEXT", "NUMBER", "DATE", "SINGLE_CHOICE", "MULTI_CHOICE"))
                .body("standard.requirements.code", hasItem("ktp"))
                .body("standard.tariffBasis", notNullValue()).body("standard.legalBasis.size()", not(equalTo(0)))
                .body("name", equalTo(given().get("/api/v1/services/DPMPTSP-PBG").jsonPath().getString("nameId")));
        given().header("Accept-Language", "en").when().get("/api/v1/services/DKB-KTP-EL")
                .then().statusCode(200).body("name", equalTo("Electronic ID card (KTP-el) issuance"))
                .body("nameId", equalTo("Penerbitan KTP Elektronik")).body("standard.completionDays", greaterThanOrEqualTo(0))
                .body("standard.tariff", equalTo(0));
    }

    @Test
    void listFiltersBySiteAgencyAndType() {
        given().when().get("/api/v1/services?site=MPP-MKS&limit=200").then().statusCode(200)
                .body("items.code", not(hasItem("DKB-KTP-EL"))).body("items.agencyCode", not(hasItem("DISDUKCAPIL-BDG")));
        given().when().get("/api/v1/services?site=MPP-BDG&limit=200").then().statusCode(200)
                .body("items.code", hasItems("DKB-KTP-EL", "DPMPTSP-PBG"));
        given().when().get("/api/v1/services?agency=DISDUKCAPIL-BDG&limit=200").then().statusCode(200)
                .body("items.code", hasItem("DKB-KTP-EL")).body("items.agencyCode", not(hasItem("DPMPTSP-BDG")));
        given().when().get("/api/v1/services?type=PERIZINAN&limit=200").then().statusCode(200)
                .body("items.code", hasItem("DPMPTSP-PBG")).body("items.code", not(hasItem("DKB-KTP-EL")))
                .body("items.type", not(hasItem("NONPERIZINAN")));
        given().when().get("/api/v1/services?type=IZIN").then().statusCode(400).body("code", equalTo("invalid-parameter"));
    }

    @Test
    void textSearchCoversCodeAndBothNamesIgnoringCase() {
        String agency = newAgency();
        String code = newCode("SRCH");
        Map<String, Object> svc = service(code, agency, "NONPERIZINAN", standard());
        svc.put("nameId", "Legalisir Ijazah Zebrakuda");
        svc.put("nameEn", "Diploma legalisation Okapiwolf");
        createService(svc);
        given().queryParam("q", "zebrakuda").get("/api/v1/services").then().statusCode(200).body("items.code", contains(code));
        given().queryParam("q", "OKAPIWOLF").get("/api/v1/services").then().body("items.code", contains(code));
        given().queryParam("q", code.toLowerCase()).get("/api/v1/services").then().body("items.code", contains(code));
        given().queryParam("q", "ijazah zebra").queryParam("agency", agency).get("/api/v1/services")
                .then().body("items.code", contains(code));
        given().queryParam("q", "ktp").get("/api/v1/services").then().body("items.code", hasItem("DKB-KTP-EL"))
                .body("items.code", not(hasItem(code)));
        // LIKE wildcards in the query are plain characters.
        given().queryParam("q", "%").get("/api/v1/services").then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("q", "x".repeat(101)).get("/api/v1/services").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void pagingWalksEveryServiceOnceInOrder() {
        String agency = newAgency();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = newCode("PAGE" + i);
            createService(service(code, agency, "NONPERIZINAN", standard()));
            created.add(code);
        }
        created.sort(String::compareTo);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            var page = given().queryParam("agency", agency).queryParam("limit", 3).queryParam("cursor", cursor)
                    .get("/api/v1/services").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.code"));
            cursor = page.getString("nextCursor");
            pages++;
        }
        assertEquals(created, seen);
        assertEquals(3, pages);
        given().queryParam("cursor", "bm90LWEtY3Vyc29y" + "\u001f").get("/api/v1/services").then().statusCode(400);
    }

    @Test
    void publicReadsAreCacheableAndConditional() {
        for (String path : List.of("/api/v1/services?site=MPP-BDG", "/api/v1/services/DKB-KTP-EL",
                "/api/v1/services/DKB-KTP-EL/standard/versions", "/api/v1/services/DKB-KTP-EL?version=1")) {
            String etag = given().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age")).header("ETag", notNullValue())
                    .extract().header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        String indonesian = given().get("/api/v1/services/DKB-KTP-EL").header("ETag");
        String english = given().header("Accept-Language", "en").get("/api/v1/services/DKB-KTP-EL").header("ETag");
        assertEquals(false, indonesian.equals(english));
    }

    @Test
    void editingTheStandardPublishesANewVersionAndKeepsTheOld() {
        String agency = newAgency();
        String code = newCode("VER");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(service(code, agency, "NONPERIZINAN", standard()))
                .post("/api/v1/services").then().statusCode(201)
                .header("Location", endsWith("/api/v1/services/" + code)).body("version", equalTo(1));

        Map<String, Object> revised = standard();
        revised.put("tariff", 50000);
        revised.put("tariffBasis", "Perda No. 1 Tahun 2024");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(revised)
                .put("/api/v1/services/" + code + "/standard").then().statusCode(200)
                .body("version", equalTo(2)).body("standard.tariff", equalTo(50000));
        // Saving the same standard again publishes nothing new.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(revised)
                .put("/api/v1/services/" + code + "/standard").then().statusCode(200).body("version", equalTo(2));

        given().get("/api/v1/services/" + code).then().body("version", equalTo(2)).body("standard.tariff", equalTo(50000));
        given().get("/api/v1/services/" + code + "?version=1").then().statusCode(200)
                .body("version", equalTo(1)).body("currentVersion", equalTo(2)).body("standard.tariff", equalTo(0))
                .header("Cache-Control", containsString("max-age=86400"));
        given().get("/api/v1/services/" + code + "/standard/versions").then().statusCode(200)
                .body("version", contains(2, 1)).body("current", contains(true, false))
                .body("publishedAt", not(hasItem(nullValue())));
        given().get("/api/v1/services/" + code + "?version=3").then().statusCode(404)
                .body("code", equalTo("standard-version-not-found"));
        given().header("Accept-Language", "en").get("/api/v1/services/" + code + "?version=3").then()
                .body("detail", equalTo("Service " + code + " has no version 3 of its service standard."));
        given().get("/api/v1/services/" + code + "?version=0").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        given().get("/api/v1/services/" + code + "?version=two").then().statusCode(400);
    }

    @Test
    void theStandardSaysWhetherTheServiceNeedsAVerifiedIdentity() {
        String agency = newAgency();
        String plain = newCode("IDN");
        createService(service(plain, agency, "NONPERIZINAN", standard()));
        given().get("/api/v1/services/" + plain).then().statusCode(200)
                .body("standard.verifiedIdentity", equalTo(false));
        String strict = newCode("IDV");
        Map<String, Object> standard = standard();
        standard.put("verifiedIdentity", true);
        createService(service(strict, agency, "NONPERIZINAN", standard));
        given().get("/api/v1/services/" + strict).then().statusCode(200)
                .body("standard.verifiedIdentity", equalTo(true));
    }

    @Test
    void concurrentEditsGetConsecutiveVersions() throws Exception {
        String agency = newAgency();
        String code = newCode("RACE");
        createService(service(code, agency, "NONPERIZINAN", standard()));
        int editors = 6;
        String admin = TestTokens.admin();
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        try {
            List<Callable<Integer>> edits = IntStream.range(0, editors).<Callable<Integer>>mapToObj(i -> () -> {
                Map<String, Object> revised = standard();
                revised.put("tariff", 1000 * (i + 1));
                return given().auth().oauth2(admin).contentType(ContentType.JSON).body(revised)
                        .put("/api/v1/services/" + code + "/standard")
                        .then().statusCode(200).extract().path("version");
            }).toList();
            List<Integer> versions = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                versions.add(f.get());
            }
            versions.sort(Integer::compareTo);
            assertEquals(List.of(2, 3, 4, 5, 6, 7), versions);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/services/" + code + "/standard/versions").then()
                .body("version", contains(7, 6, 5, 4, 3, 2, 1));
        given().get("/api/v1/services/" + code).then().body("currentVersion", equalTo(7));
    }

    @Test
    void deactivatedServiceLeavesTheListButStaysReadable() {
        String agency = newAgency();
        String code = newCode("OFF");
        createService(service(code, agency, "NONPERIZINAN", standard()));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"active\":false}")
                .put("/api/v1/services/" + code + "/active").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("agency", agency).get("/api/v1/services").then().body("items.size()", equalTo(0));
        given().get("/api/v1/services/" + code).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/services/" + code + "/active").then().statusCode(400).body("errors[0].field", equalTo("active"));
        given().auth().oauth2(TestTokens.citizen("x")).contentType(ContentType.JSON).body("{\"active\":true}")
                .put("/api/v1/services/" + code + "/active").then().statusCode(403);
    }

    /** Posts a service whose standard was changed by {@code change}; expects one error at field with code. */
    private static void rejected(Consumer<Map<String, Object>> change, String field, String code) {
        Map<String, Object> standard = standard();
        change.accept(standard);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(service(newCode("BAD"), "DPMPTSP-BDG", "PERIZINAN", standard))
                .post("/api/v1/services").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(Map<String, Object> standard, int i) {
        return ((List<Map<String, Object>>) standard.get("form")).get(i);
    }

    @Test
    void invalidStandardsAreRejectedWithFieldPaths() {
        rejected(s -> s.remove("tariffBasis"), "standard.tariffBasis", "required");
        rejected(s -> s.put("product", "  "), "standard.product", "required");
        rejected(s -> s.put("requirements", List.of()), "standard.requirements", "required");
        rejected(s -> s.put("procedure", List.of("Langkah", "")), "standard.procedure[1]", "required");
        rejected(s -> s.put("completionDays", -1), "standard.completionDays", "min");
        rejected(s -> s.put("tariff", -5), "standard.tariff", "min");
        rejected(s -> s.put("facilities", "x".repeat(4001)), "standard.facilities", "size");
        rejected(s -> s.put("requirements", List.of(requirement("ktp"), requirement("ktp"))),
                "standard.requirements[1].code", "duplicate");
        rejected(s -> s.put("requirements", List.of(Map.of("code", "ktp", "nameId", "KTP", "nameEn", "ID",
                "mandatory", true, "formats", List.of()))), "standard.requirements[0].formats", "required");
        rejected(s -> s.put("requirements", List.of(Map.of("code", "ktp", "nameId", "KTP", "nameEn", "ID",
                "mandatory", true, "formats", List.of("GIF")))), "standard.requirements[0].formats[0]", "wrong-type");
        rejected(s -> form(s, 1).remove("options"), "standard.form[1].options", "required");
        rejected(s -> form(s, 0).put("options", List.of("A")), "standard.form[0].options", "not-for-type");
        rejected(s -> form(s, 1).put("options", List.of("A", "A")), "standard.form[1].options", "duplicate");
        rejected(s -> form(s, 1).put("name", "alamat"), "standard.form[1].name", "duplicate");
        rejected(s -> form(s, 0).put("name", "1-bad name"), "standard.form[0].name", "invalid-format");
        rejected(s -> form(s, 0).put("type", "FILE"), "standard.form[0].type", "wrong-type");
        rejected(s -> form(s, 1).put("maxLength", 10), "standard.form[1].maxLength", "not-for-type");
        rejected(s -> s.put("form", List.of(numberField(10, 5))), "standard.form[0].max", "less-than-min");
        rejected(s -> s.put("kbli", List.of("4711")), "standard.kbli[0]", "invalid-format");
        rejected(s -> s.put("kbli", List.of("47111", "47111")), "standard.kbli[1]", "duplicate");
        rejected(s -> s.put("permitValidityMonths", 0), "standard.permitValidityMonths", "min");
        rejected(s -> s.put("tariff", "gratis"), "standard.tariff", "wrong-type");
    }

    private static Map<String, Object> numberField(int min, int max) {
        Map<String, Object> f = field("luas", "NUMBER");
        f.put("min", min);
        f.put("max", max);
        return f;
    }

    @Test
    void invalidServicesAreRejected() {
        String admin = TestTokens.admin();
        Map<String, Object> unknownAgency = service(newCode("BAD"), "NOPE-AGENCY", "PERIZINAN", standard());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(unknownAgency).post("/api/v1/services")
                .then().statusCode(400).body("errors[0].field", equalTo("agencyCode"))
                .body("errors[0].code", equalTo("unknown-agency"));
        Map<String, Object> permitOnly = standard();
        permitOnly.put("deemedApproval", true);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(service(newCode("BAD"), "DPMPTSP-BDG", "NONPERIZINAN", permitOnly)).post("/api/v1/services")
                .then().statusCode(400).body("errors[0].field", equalTo("standard.deemedApproval"))
                .body("errors[0].code", equalTo("permits-only"));
        Map<String, Object> badType = service(newCode("BAD"), "DPMPTSP-BDG", "IZIN", standard());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(badType).post("/api/v1/services")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        Map<String, Object> longName = service("lower-case", "DPMPTSP-BDG", "PERIZINAN", standard());
        longName.put("nameId", "n".repeat(201));
        longName.remove("standard");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(longName).post("/api/v1/services")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("code", "nameId", "standard"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(service("DKB-KTP-EL", "DISDUKCAPIL-BDG", "NONPERIZINAN", standard())).post("/api/v1/services")
                .then().statusCode(409).body("code", equalTo("service-exists"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[1,2]").post("/api/v1/services")
                .then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":").post("/api/v1/services")
                .then().statusCode(400).body("code", equalTo("malformed-json"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(standard())
                .put("/api/v1/services/NOPE-SERVICE/standard").then().statusCode(404)
                .body("code", equalTo("service-not-found"));
        Map<String, Object> broken = standard();
        broken.remove("procedure");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Accept-Language", "en").body(broken)
                .put("/api/v1/services/DKB-KTP-EL/standard").then().statusCode(400)
                .body("errors[0].field", equalTo("procedure")).body("errors[0].message", equalTo("is required"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(broken)
                .put("/api/v1/services/DKB-KTP-EL/standard").then().statusCode(400)
                .body("errors[0].message", equalTo("wajib diisi"));
    }

    @Test
    void onlyAdminsWrite() {
        Map<String, Object> svc = service(newCode("ROLE"), "DPMPTSP-BDG", "PERIZINAN", standard());
        given().auth().oauth2(TestTokens.citizen("c2")).contentType(ContentType.JSON).body(svc)
                .post("/api/v1/services").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).contentType(ContentType.JSON)
                .body(standard()).put("/api/v1/services/DKB-KTP-EL/standard").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(Roles.SUPERVISOR, "DISDUKCAPIL-BDG", "MPP-BDG")).contentType(ContentType.JSON)
                .body(standard()).put("/api/v1/services/DKB-KTP-EL/standard").then().statusCode(403);
        given().contentType(ContentType.JSON).body(svc).post("/api/v1/services").then().statusCode(401);
        given().contentType(ContentType.JSON).body(standard()).put("/api/v1/services/DKB-KTP-EL/standard")
                .then().statusCode(401);
    }

    @Test
    void unknownServiceIsNotFoundInBothLanguages() {
        given().get("/api/v1/services/NOPE-1").then().statusCode(404).body("code", equalTo("service-not-found"))
                .body("detail", equalTo("Tidak ada layanan dengan kode NOPE-1."));
        given().header("Accept-Language", "en").get("/api/v1/services/NOPE-1").then().statusCode(404)
                .body("title", equalTo("Service not found"));
        given().get("/api/v1/services/NOPE-1/standard/versions").then().statusCode(404);
    }
}
