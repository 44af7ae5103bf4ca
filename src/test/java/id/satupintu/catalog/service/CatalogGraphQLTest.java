package id.satupintu.catalog.service;

import id.satupintu.catalog.site.SiteResourceTest;
import static id.satupintu.catalog.CatalogFixtures.agency;
import static id.satupintu.catalog.CatalogFixtures.newCode;
import static id.satupintu.catalog.CatalogFixtures.service;
import static id.satupintu.catalog.CatalogFixtures.standard;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogGraphQLTest {

    static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return request.contentType(ContentType.JSON).body(body).when().post("/graphql").then().statusCode(200);
    }

    static ValidatableResponse graphql(String query) {
        return graphql(given(), query, null);
    }

    @Test
    void siblingQueriesAndBatchedAgenciesResolveTogether() {
        // Several root fields and a batched field in one request: each resolver needs a session of its own.
        graphql("""
                { sites { items { code zone openingHours { day opens closes } } }
                  bdg: agencies(site: "MPP-BDG", first: 200) { items { code kind siteCodes } }
                  services(site: "MPP-BDG", first: 200) { items { code name agencyCode agency { code name siteCodes } } nextCursor }
                  perizinan: services(type: PERIZINAN) { items { code type agency { code } } }
                  ktp: service(code: "DKB-KTP-EL") { code version standard { tariff completionDays requirements { code formats } } }
                  mks: site(code: "MPP-MKS") { zone } }
                """)
                .body("errors", nullValue())
                .body("data.sites.items.code", hasItems("MPP-BDG", "MPP-MKS"))
                .body("data.sites.items.find { it.code == 'MPP-BDG' }.openingHours[0].day", equalTo("MONDAY"))
                .body("data.bdg.items.code", hasItems("DISDUKCAPIL-BDG", "BJB-BDG"))
                .body("data.services.items.code", hasItems("DKB-KTP-EL", "DPMPTSP-PBG"))
                .body("data.services.items.find { it.code == 'DKB-KTP-EL' }.agency.code", equalTo("DISDUKCAPIL-BDG"))
                .body("data.services.items.agency", everyItem(notNullValue()))
                .body("data.perizinan.items.type", everyItem(equalTo("PERIZINAN")))
                .body("data.ktp.standard.requirements.code", hasItem("kk"))
                .body("data.mks.zone", equalTo("WITA"));
    }

    @Test
    void serviceNamesFollowAcceptLanguageAndOldVersionsStayReadable() {
        graphql(given().header("Accept-Language", "en"), """
                { services(q: "ktp elektronik") { items { code name nameId } }
                  service(code: "DPMPTSP-PBG", version: 1) { name version standard { deemedApproval form { name type options } } } }
                """, null)
                .body("errors", nullValue())
                .body("data.services.items[0].name", equalTo("Electronic ID card (KTP-el) issuance"))
                .body("data.service.version", equalTo(1))
                .body("data.service.standard.deemedApproval", equalTo(true))
                .body("data.service.standard.form.type", hasItems("NUMBER", "DATE", "MULTI_CHOICE"));
    }

    @Test
    void pagingWithFirstAndAfter() {
        var first = graphql("{ agencies(first: 2) { items { code } nextCursor } }").extract().jsonPath();
        List<String> page1 = first.getList("data.agencies.items.code");
        graphql(given(), "query($after: String) { agencies(first: 2, after: $after) { items { code } } }",
                Map.of("after", first.getString("data.agencies.nextCursor")))
                .body("data.agencies.items.code[0]", org.hamcrest.Matchers.greaterThan(page1.get(1)));
        graphql("{ agencies(first: 0) { items { code } } }")
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("first"));
        graphql("{ services(after: \"***\") { items { code } } }")
                .body("errors[0].extensions.code", equalTo("invalid-cursor"));
    }

    @Test
    void problemsBecomeErrorsWithTheProblemCode() {
        graphql("{ service(code: \"NOPE-1\") { code } }")
                .body("data.service", nullValue())
                .body("errors[0].message", equalTo("Tidak ada layanan dengan kode NOPE-1."))
                .body("errors[0].extensions.code", equalTo("service-not-found"))
                .body("errors[0].extensions.status", equalTo(404));
        graphql(given().header("Accept-Language", "en"), "{ agency(code: \"NOPE-2\") { code } }", null)
                .body("errors[0].message", equalTo("There is no agency with code NOPE-2."))
                .body("errors[0].extensions.code", equalTo("agency-not-found"));
        graphql("{ service(code: \"DKB-KTP-EL\", version: 99) { code } }")
                .body("errors[0].extensions.code", equalTo("standard-version-not-found"));
    }

    static final String CREATE_AGENCY = """
            mutation($input: AgencyInput!) { createAgency(input: $input) { code kind siteCodes } }
            """;

    @Test
    void adminMutatesTheCatalog() {
        String admin = TestTokens.admin();
        String agencyCode = newCode("GQA");
        graphql(given().auth().oauth2(admin), CREATE_AGENCY, Map.of("input", agency(agencyCode, "MPP-MKS")))
                .body("errors", nullValue()).body("data.createAgency.siteCodes", contains("MPP-MKS"));
        Map<String, Object> changed = agency(agencyCode, "MPP-BDG", "MPP-MKS");
        changed.put("kind", "BANK");
        graphql(given().auth().oauth2(admin),
                "mutation($code: String!, $input: AgencyInput!) { updateAgency(code: $code, input: $input) { kind siteCodes } }",
                Map.of("code", agencyCode, "input", changed))
                .body("errors", nullValue()).body("data.updateAgency.kind", equalTo("BANK"))
                .body("data.updateAgency.siteCodes", contains("MPP-BDG", "MPP-MKS"));

        String serviceCode = newCode("GQS");
        graphql(given().auth().oauth2(admin),
                "mutation($input: ServiceInput!) { createService(input: $input) { code version agencyCode } }",
                Map.of("input", service(serviceCode, agencyCode, "NONPERIZINAN", standard())))
                .body("errors", nullValue()).body("data.createService.version", equalTo(1));
        Map<String, Object> revised = standard();
        revised.put("completionDays", 10);
        graphql(given().auth().oauth2(admin),
                "mutation($code: String!, $s: ServiceStandardInput!) { updateServiceStandard(code: $code, standard: $s) { version standard { completionDays } } }",
                Map.of("code", serviceCode, "s", revised))
                .body("errors", nullValue()).body("data.updateServiceStandard.version", equalTo(2))
                .body("data.updateServiceStandard.standard.completionDays", equalTo(10));
        graphql("{ serviceVersions(code: \"" + serviceCode + "\") { version current } }")
                .body("data.serviceVersions.version", contains(2, 1));

        String siteCode = SiteResourceTest.newCode();
        Map<String, Object> site = new io.restassured.path.json.JsonPath(SiteResourceTest.site(siteCode, "Asia/Pontianak"))
                .getMap("");
        graphql(given().auth().oauth2(admin),
                "mutation($input: SiteInput!) { createSite(input: $input) { code zone openingHours { day closes } } }",
                Map.of("input", site))
                .body("errors", nullValue()).body("data.createSite.zone", equalTo("WIB"))
                .body("data.createSite.openingHours[1].day", equalTo("FRIDAY"));
        site.put("name", "MPP Ganti Nama");
        graphql(given().auth().oauth2(admin),
                "mutation($code: String!, $input: SiteInput!) { updateSite(code: $code, input: $input) { name } }",
                Map.of("code", siteCode, "input", site))
                .body("errors", nullValue()).body("data.updateSite.name", equalTo("MPP Ganti Nama"));
    }

    @Test
    void mutationsValidateLikeRest() {
        String admin = TestTokens.admin();
        Map<String, Object> bad = standard();
        bad.put("tariff", -1);
        graphql(given().auth().oauth2(admin),
                "mutation($input: ServiceInput!) { createService(input: $input) { code } }",
                Map.of("input", service(newCode("GQB"), "NOPE-AGENCY", "PERIZINAN", bad)))
                .body("data.createService", nullValue())
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItems("agencyCode", "standard.tariff"));
        graphql(given().auth().oauth2(admin), CREATE_AGENCY, Map.of("input", agency("DPMPTSP-BDG", "MPP-BDG")))
                .body("errors[0].extensions.code", equalTo("agency-exists"));
    }

    @Test
    void onlyAdminsMutate() {
        Map<String, Object> variables = Map.of("input", agency(newCode("GQR"), "MPP-BDG"));
        graphql(given().auth().oauth2(TestTokens.citizen("gq")), CREATE_AGENCY, variables)
                .body("data.createAgency", nullValue())
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(given().auth().oauth2(TestTokens.staff("officer", "DPMPTSP-BDG", "MPP-BDG")), CREATE_AGENCY, variables)
                .body("errors[0].extensions.code", equalTo("forbidden"));
        graphql(given(), CREATE_AGENCY, variables)
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql("{ agency(code: \"" + variables.get("input").hashCode() + "\") { code } }")
                .body("errors[0].extensions.code", equalTo("agency-not-found"));
    }
}
