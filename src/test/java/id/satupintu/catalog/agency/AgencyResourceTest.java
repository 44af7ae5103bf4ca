package id.satupintu.catalog.agency;

import id.satupintu.catalog.site.SiteResourceTest;
import static id.satupintu.catalog.CatalogFixtures.agency;
import static id.satupintu.catalog.CatalogFixtures.createAgency;
import static id.satupintu.catalog.CatalogFixtures.newCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.LogCapture;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyResourceTest {

    /** Two administrators creating the same agency at once: one succeeds, the other is told it exists. */
    @Test
    void racingCreatesOfOneCodeGiveOneAgencyAndClearConflicts() throws Exception {
        String code = newCode("RACE");
        String admin = TestTokens.admin();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<String>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    var response = given().auth().oauth2(admin).contentType(ContentType.JSON)
                            .body(agency(code, "MPP-BDG")).post("/api/v1/agencies");
                    return response.statusCode() + (response.statusCode() == 409 ? ":" + response.jsonPath().getString("code") : "");
                });
            }
            var outcomes = new java.util.ArrayList<String>();
            for (var result : pool.invokeAll(calls)) {
                outcomes.add(result.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, outcomes.stream().filter("201"::equals).count(), outcomes.toString());
            org.junit.jupiter.api.Assertions.assertEquals(7, outcomes.stream().filter("409:agency-exists"::equals).count(),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void demoAgenciesAreListedBySite() {
        given().when().get("/api/v1/agencies?site=MPP-BDG&limit=200")
                .then().statusCode(200)
                .body("items.code", hasItems("DPMPTSP-BDG", "DISDUKCAPIL-BDG", "IMIGRASI-BDG", "POLRESTABES-BDG",
                        "BPJSKES-BDG", "PDAM-BDG", "SAMSAT-BDG", "BJB-BDG"))
                .body("items.code", not(hasItem("DPMPTSP-MKS")));
        given().when().get("/api/v1/agencies?site=MPP-MKS&limit=200")
                .then().statusCode(200).body("items.code", hasItems("DPMPTSP-MKS", "DISDUKCAPIL-MKS"))
                .body("items.code", not(hasItem("DISDUKCAPIL-BDG")));
        given().when().get("/api/v1/agencies?site=NOWHERE").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void oneAgencyWithItsSitesAndConditionalGet() {
        String etag = given().when().get("/api/v1/agencies/IMIGRASI-BDG")
                .then().statusCode(200).body("kind", equalTo("VERTICAL")).body("siteCodes", contains("MPP-BDG"))
                .header("Cache-Control", containsString("max-age")).header("ETag", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/agencies/IMIGRASI-BDG").then().statusCode(304);
    }

    /**
     * Reading an agency with its sites never asks Hibernate to page a collection fetch in memory
     * (HHH90003004): one agency by code, a page of them, and a replacement.
     */
    @Test
    void agenciesWithTheirSitesAreNotPagedInMemory() {
        String code = newCode("PAGE");
        createAgency(code, "MPP-BDG");
        try (LogCapture log = LogCapture.of("org.hibernate.orm.query")) {
            given().when().get("/api/v1/agencies/" + code).then().statusCode(200).body("siteCodes", contains("MPP-BDG"));
            given().when().get("/api/v1/agencies?site=MPP-BDG&limit=2").then().statusCode(200)
                    .body("items.size()", equalTo(2));
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(agency(code, "MPP-BDG"))
                    .put("/api/v1/agencies/" + code).then().statusCode(200);
            assertEquals(List.of(), log.messages().stream().filter(m -> m.contains("HHH90003004")).toList());
        }
    }

    @Test
    void adminCreatesAndReplacesAnAgency() {
        String code = newCode("AG");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(agency(code, "MPP-BDG", "MPP-MKS"))
                .when().post("/api/v1/agencies")
                .then().statusCode(201).header("Location", endsWith("/api/v1/agencies/" + code))
                .body("siteCodes", contains("MPP-BDG", "MPP-MKS"));

        Map<String, Object> changed = agency(code, "MPP-MKS");
        changed.put("name", "Nama Baru");
        changed.put("kind", "BANK");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/agencies/" + code)
                .then().statusCode(200).body("name", equalTo("Nama Baru")).body("siteCodes", contains("MPP-MKS"));
        given().when().get("/api/v1/agencies/" + code).then().statusCode(200).body("kind", equalTo("BANK"));
        given().when().get("/api/v1/agencies?site=MPP-BDG&limit=200").then().body("items.code", not(hasItem(code)));
    }

    @Test
    void pagingWalksEveryAgencyOnceInOrder() {
        String site = SiteResourceTest.newCode();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(SiteResourceTest.site(site, "Asia/Jayapura")).post("/api/v1/sites").then().statusCode(201);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String code = newCode("PG" + i);
            createAgency(code, site);
            created.add(code);
        }
        created.sort(String::compareTo);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("site", site).queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/v1/agencies").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.code"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void badInputsAreProblems() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(agency(newCode("AG"), "MPP-BDG", "NOPE-1"))
                .post("/api/v1/agencies").then().statusCode(400)
                .body("errors[0].field", equalTo("siteCodes[1]")).body("errors[0].code", equalTo("unknown-site"))
                .body("errors[0].message", containsString("NOPE-1"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(agency(newCode("AG"), "MPP-BDG", "MPP-BDG"))
                .post("/api/v1/agencies").then().statusCode(400).body("errors[0].code", equalTo("duplicate"));
        Map<String, Object> wrongKind = agency(newCode("AG"), "MPP-BDG");
        wrongKind.put("kind", "KEMENTERIAN");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrongKind)
                .post("/api/v1/agencies").then().statusCode(400)
                .body("errors[0].field", equalTo("kind")).body("errors[0].code", equalTo("wrong-type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":\"lower\",\"siteCodes\":[]}")
                .post("/api/v1/agencies").then().statusCode(400)
                .body("errors.field", hasItems("code", "name", "shortName", "kind", "siteCodes"));
        Map<String, Object> tooLong = agency(newCode("AG"), "MPP-BDG");
        tooLong.put("name", "x".repeat(201));
        tooLong.put("website", "not a url");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(tooLong)
                .post("/api/v1/agencies").then().statusCode(400)
                .body("errors.field", contains("name", "website")).body("errors[0].code", equalTo("size"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/v1/agencies").then().statusCode(400).body("code", equalTo("malformed-json"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(agency("DPMPTSP-BDG", "MPP-BDG"))
                .post("/api/v1/agencies").then().statusCode(409).body("code", equalTo("agency-exists"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(agency("OTHER-CODE", "MPP-BDG"))
                .put("/api/v1/agencies/DPMPTSP-BDG").then().statusCode(400).body("errors[0].code", equalTo("immutable"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(agency("NOPE-AGENCY", "MPP-BDG"))
                .put("/api/v1/agencies/NOPE-AGENCY").then().statusCode(404).body("code", equalTo("agency-not-found"));
        given().when().get("/api/v1/agencies?cursor=%%%").then().statusCode(400);
        given().when().get("/api/v1/agencies?limit=201").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void onlyAdminsWrite() {
        given().auth().oauth2(TestTokens.citizen("c1")).contentType(ContentType.JSON).body(agency(newCode("AG"), "MPP-BDG"))
                .post("/api/v1/agencies").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", "MPP-BDG")).contentType(ContentType.JSON)
                .body(agency("DPMPTSP-BDG", "MPP-BDG")).put("/api/v1/agencies/DPMPTSP-BDG").then().statusCode(403);
        given().contentType(ContentType.JSON).body(agency(newCode("AG"), "MPP-BDG"))
                .post("/api/v1/agencies").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void unknownAgencyIsNotFoundInBothLanguages() {
        given().when().get("/api/v1/agencies/NOPE-9").then().statusCode(404)
                .body("detail", equalTo("Tidak ada instansi dengan kode NOPE-9."));
        given().header("Accept-Language", "en").when().get("/api/v1/agencies/NOPE-9").then().statusCode(404)
                .body("title", equalTo("Agency not found"));
    }
}
