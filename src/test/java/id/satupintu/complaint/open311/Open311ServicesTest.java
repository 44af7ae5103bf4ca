package id.satupintu.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * GET services and GET services/{service_code}: the complaint categories in the shape of the
 * specification's examples ("Cans left out 24x7", "DMV66").
 */
@QuarkusTest
class Open311ServicesTest {

    @Test
    void theServiceListInXml() {
        // <services><service><service_code/><service_name/><description/><metadata/><type/><keywords/><group/>
        String xml = given().get("/open311/v2/services.xml?jurisdiction_id=MPP-BDG").then().statusCode(200)
                .header("Content-Type", equalTo("text/xml; charset=utf-8"))
                .body("services.service.size()", greaterThanOrEqualTo(10))
                .body("services.service.service_code", hasItems("PUNGLI", "PETUGAS", "INFORMASI"))
                .body("services.service.find { it.service_code == 'PUNGLI' }.service_name", equalTo("Pungutan liar"))
                .body("services.service.find { it.service_code == 'PUNGLI' }.metadata", equalTo("true"))
                .body("services.service.find { it.service_code == 'PUNGLI' }.type", equalTo("realtime"))
                .body("services.service.find { it.service_code == 'PUNGLI' }.group", equalTo("pengaduan"))
                .body("services.service.find { it.service_code == 'PETUGAS' }.metadata", equalTo("false"))
                .body("services.service.find { it.service_code == 'INFORMASI' }.keywords",
                        equalTo("permintaan informasi"))
                .extract().asString();
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<services><service><service_code>"), xml);
    }

    @Test
    void theServiceListInJsonAndInEnglish() {
        // [{"service_code":..., "service_name":..., "description":..., "metadata":true, "type":"realtime", ...}]
        given().header("Accept-Language", "en").get("/open311/v2/services.json?jurisdiction_id=mpp-bdg").then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/json; charset=utf-8"))
                .body("find { it.service_code == 'PUNGLI' }.service_name", equalTo("Unofficial fees"))
                .body("find { it.service_code == 'PUNGLI' }.metadata", equalTo(true))
                .body("find { it.service_code == 'PUNGLI' }.type", equalTo("realtime"))
                .body("find { it.service_code == 'SARANA' }.keywords", equalTo("complaint, suggestion"))
                .body("find { it.service_code == 'PETUGAS' }.metadata", equalTo(false));
    }

    @Test
    void theServiceListNeedsAKnownJurisdiction() {
        // "400 - jurisdiction_id was not provided", "404 - jurisdiction_id provided was not found"
        given().get("/open311/v2/services.xml").then().statusCode(400)
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", equalTo("jurisdiction_id: wajib diisi"));
        given().get("/open311/v2/services.json?jurisdiction_id=sfgov.org").then().statusCode(404)
                .body("[0].code", equalTo(404))
                .body("[0].description", equalTo(
                        "jurisdiction_id sfgov.org tidak dikenal; gunakan kode lokasi layanan, mis. MPP-BDG."));
        given().get("/open311/v2/services.json?jurisdiction_id=" + "X".repeat(41)).then().statusCode(400);
    }

    @Test
    void aServiceDefinitionInXml() {
        // <service_definition><service_code/><attributes><attribute><variable/><code/><datatype/><required/>
        // <datatype_description/><order/><description/></attribute></attributes></service_definition>
        String xml = given().get("/open311/v2/services/PUNGLI.xml?jurisdiction_id=MPP-BDG").then().statusCode(200)
                .body("service_definition.service_code", equalTo("PUNGLI"))
                .body("service_definition.attributes.attribute.size()", equalTo(2))
                .body("service_definition.attributes.attribute[0].variable", equalTo("true"))
                .body("service_definition.attributes.attribute[0].code", equalTo("amount"))
                .body("service_definition.attributes.attribute[0].datatype", equalTo("number"))
                .body("service_definition.attributes.attribute[0].required", equalTo("false"))
                .body("service_definition.attributes.attribute[0].order", equalTo("1"))
                .body("service_definition.attributes.attribute[0].description", equalTo("Jumlah yang diminta (rupiah)"))
                .body("service_definition.attributes.attribute[1].datatype", equalTo("datetime"))
                .body("service_definition.attributes.attribute[1].order", equalTo("2"))
                .extract().asString();
        assertTrue(xml.contains("<datatype_description/>"), xml);
    }

    @Test
    void aServiceDefinitionInJson() {
        // {"service_code":"DMV66","attributes":[{"variable":true,"code":"WHISHETN","datatype":"singlevaluelist",
        //  "required":true,"datatype_description":null,"order":1,"description":"..."}]}
        given().header("Accept-Language", "en").get("/open311/v2/services/PUNGLI.json?jurisdiction_id=MPP-BDG").then()
                .statusCode(200)
                .body("service_code", equalTo("PUNGLI"))
                .body("attributes[0].variable", equalTo(true))
                .body("attributes[0].required", equalTo(false))
                .body("attributes[0].datatype_description", nullValue())
                .body("attributes[0].order", equalTo(1))
                .body("attributes[0].description", equalTo("Amount asked for (rupiah)"))
                .body("attributes[0]", not(hasKey("values")));
        given().get("/open311/v2/services/PETUGAS.json?jurisdiction_id=MPP-BDG").then().statusCode(200)
                .body("attributes.size()", equalTo(0));
    }

    @Test
    void anUnknownServiceIsA404() {
        // "404 - service_code or jurisdiction_id provided were not found"
        given().get("/open311/v2/services/DMV66.xml?jurisdiction_id=MPP-BDG").then().statusCode(404)
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", equalTo("service_code DMV66 tidak dikenal."));
        given().get("/open311/v2/services/pungli.json?jurisdiction_id=MPP-BDG").then().statusCode(404);
        given().get("/open311/v2/services/PUNGLI.json?jurisdiction_id=nowhere").then().statusCode(404)
                .body("[0].description", startsWith("jurisdiction_id nowhere"));
        given().get("/open311/v2/services/PUNGLI.json").then().statusCode(400);
    }
}
