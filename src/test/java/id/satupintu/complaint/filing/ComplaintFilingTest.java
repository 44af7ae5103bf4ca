package id.satupintu.complaint.filing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.satupintu.complaint.ComplaintFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filing by each kind of reporter, what each reader sees of them, and bad filings. */
@QuarkusTest
class ComplaintFilingTest {

    @Test
    void signedInCitizenFilesIdentified() {
        ComplaintFixtures f = new ComplaintFixtures();
        var filed = f.file(f.citizen, f.body(null)).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/complaints/ADU-[0-9A-Z]{5}-[0-9A-Z]{5}"))
                .body("secret", nullValue())
                .body("complaint.reporterMode", equalTo("IDENTIFIED"))
                .body("complaint.state", equalTo("RECEIVED"))
                .body("complaint.reporter.userId", equalTo(f.citizenId))
                .body("complaint.deadline.stage", equalTo("VERIFY"))
                .body("complaint.deadline.dueOn", notNullValue())
                .body("complaint.actions", equalTo(java.util.List.of()))
                .extract();
        String code = filed.path("complaint.trackingCode");
        f.as(f.citizen).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("description", equalTo(f.body(null).get("description").toString().substring(0, 0)
                        + filed.path("complaint.description")));
        // Not yours, not the handling staff, nobody: all the same 404.
        f.as(f.otherCitizen).get("/api/v1/complaints/" + code).then().statusCode(404)
                .body("code", equalTo("complaint-not-found"));
        f.as(f.officer).get("/api/v1/complaints/" + code).then().statusCode(404);
        f.as(f.otherDesk).get("/api/v1/complaints/" + code).then().statusCode(404);
        f.as(null).get("/api/v1/complaints/" + code).then().statusCode(404);
        f.as(f.desk).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("reporter.userId", equalTo(f.citizenId)).body("actions", hasItems("verify", "reject"));
        f.as(f.citizen).get("/api/v1/me/complaints").then().statusCode(200)
                .body("items.trackingCode", hasItem(code));
    }

    @Test
    void anonymousKeepsNothingIdentifyingAndFollowsWithTheSecret() {
        ComplaintFixtures f = new ComplaintFixtures();
        var filed = f.file(null, f.body(null)).statusCode(201)
                .body("complaint.reporterMode", equalTo("ANONYMOUS"))
                .body("complaint.reporter", nullValue())
                .body("secret", matchesPattern("[A-Za-z0-9_-]{32}"))
                .extract();
        String code = filed.path("complaint.trackingCode");
        String secret = filed.path("secret");
        f.withSecret(secret).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("state", equalTo("RECEIVED")).body("reporter", nullValue());
        f.withSecret(secret + "x").get("/api/v1/complaints/" + code).then().statusCode(404);
        f.as(null).get("/api/v1/complaints/" + code).then().statusCode(404);
        // The secret is stored hashed only; no account, contact or address is kept.
        assertNull(ComplaintFixtures.sql("select reporter_id from complaint where tracking_code = ?1", code));
        assertNull(ComplaintFixtures.sql("select contact_email from complaint where tracking_code = ?1", code));
        assertFalse(((String) ComplaintFixtures.sql("select secret_hash from complaint where tracking_code = ?1", code))
                .contains(secret));
        assertEquals("anonymous", ComplaintFixtures.sql(
                "select actor_id from complaint_history where complaint_id = (select id from complaint where tracking_code = ?1)",
                code));

        // A signed-in citizen may choose anonymity: the account is not recorded either.
        var mine = f.file(f.citizen, f.body("ANONYMOUS")).statusCode(201).body("secret", notNullValue()).extract();
        String anonymousCode = mine.path("complaint.trackingCode");
        assertNull(ComplaintFixtures.sql("select reporter_id from complaint where tracking_code = ?1", anonymousCode));
        f.as(f.citizen).get("/api/v1/complaints/" + anonymousCode).then().statusCode(404);
        f.as(f.citizen).get("/api/v1/me/complaints").then().statusCode(200)
                .body("items.trackingCode", not(hasItem(anonymousCode)));
    }

    @Test
    void confidentialIdentityReachesTheDeskButNeverTheAgency() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.file(f.citizen, f.body("CONFIDENTIAL")).statusCode(201)
                .body("complaint.reporter.userId", equalTo(f.citizenId)).extract().path("complaint.trackingCode");
        f.as(f.desk).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("reporterMode", equalTo("CONFIDENTIAL")).body("reporter.userId", equalTo(f.citizenId));
        f.act(f.desk, code, "verify").statusCode(200);
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(200);
        f.as(f.citizen).body(Map.of("text", "Nomor permohonan saya ada di lampiran.")).post(
                "/api/v1/complaints/" + code + "/responses").then().statusCode(201);
        for (String staff : new String[] {f.officer, f.agencySupervisor}) {
            String detail = f.as(staff).get("/api/v1/complaints/" + code).then().statusCode(200)
                    .body("reporterMode", equalTo("CONFIDENTIAL")).body("reporter", nullValue())
                    .extract().asString();
            assertFalse(detail.contains(f.citizenId));
            String history = f.as(staff).get("/api/v1/complaints/" + code + "/history").then().statusCode(200)
                    .body("actorRole", hasItem("reporter")).extract().asString();
            assertFalse(history.contains(f.citizenId));
            String list = f.as(staff).get("/api/v1/complaints").then().statusCode(200)
                    .body("items.trackingCode", hasItem(code)).extract().asString();
            assertFalse(list.contains(f.citizenId));
        }
        // The desk still may know who it is.
        f.as(f.desk).get("/api/v1/complaints/" + code + "/history").then().statusCode(200)
                .body("find { it.action == 'file' }.actorId", equalTo(f.citizenId));
    }

    @Test
    void apiClientFilesForItsUserWithContactProtected() {
        ComplaintFixtures f = new ComplaintFixtures();
        Map<String, Object> body = f.body(null);
        body.put("contactName", "Siti Rahma");
        body.put("contactEmail", "Siti.Rahma@example.org");
        body.put("contactPhone", "+62 812-3456-7890");
        body.put("latitude", -6.9147);
        body.put("longitude", 107.6098);
        body.put("address", "Jl. Asia Afrika No. 1, Bandung");
        body.put("mediaUrl", "https://example.org/foto/1.jpg");
        String code = f.file(f.client, body).statusCode(201)
                .body("complaint.reporterMode", equalTo("IDENTIFIED"))
                .body("complaint.reporter.clientId", equalTo(f.clientId))
                .body("complaint.reporter.name", equalTo("Siti Rahma"))
                .body("complaint.reporter.email", equalTo("s*********@example.org"))
                .body("complaint.reporter.phone", equalTo("0812****7890"))
                .body("complaint.location.latitude", equalTo(-6.9147f))
                .body("secret", nullValue())
                .extract().path("complaint.trackingCode");
        String stored = (String) ComplaintFixtures.sql("select contact_email from complaint where tracking_code = ?1", code);
        assertFalse(stored.contains("@"), "contact e-mail is encrypted at rest");
        f.as(f.client).get("/api/v1/complaints/" + code).then().statusCode(200);
        f.as(f.client).get("/api/v1/me/complaints").then().statusCode(200).body("items.trackingCode", hasItem(code));
        // Without contact a client's complaint is anonymous: a secret for its user.
        f.file(f.client, f.body(null)).statusCode(201).body("complaint.reporterMode", equalTo("ANONYMOUS"))
                .body("secret", notNullValue());
        // A client without the scope, a kiosk, staff: refused.
        f.file(ComplaintFixtures.client(UUID.randomUUID().toString(), Set.of("applications:write")), f.body(null))
                .statusCode(403);
        f.file(f.officer, f.body(null)).statusCode(403).body("code", equalTo("complaint-citizens-only"));
    }

    @Test
    void ownApplicationIsLinkedAndGivesSiteServiceAndAgency() {
        ComplaintFixtures f = new ComplaintFixtures();
        String service = id.satupintu.catalog.CatalogFixtures.newCode("CPS");
        id.satupintu.catalog.CatalogFixtures.createService(id.satupintu.catalog.CatalogFixtures.service(service,
                f.agency, "NONPERIZINAN", id.satupintu.catalog.CatalogFixtures.standard()));
        String application = f.as(f.citizen).body(Map.of("serviceCode", service, "draft", true,
                        "form", Map.of("alamat", "Jl. Merdeka 1", "jenis", "A")))
                .post("/api/v1/applications").then().statusCode(201).extract().path("trackingNumber");
        Map<String, Object> body = f.body(null);
        body.remove("siteCode");
        body.remove("agencyCode");
        body.put("applicationTrackingNumber", application);
        f.file(f.citizen, body).statusCode(201)
                .body("complaint.applicationTrackingNumber", equalTo(application))
                .body("complaint.siteCode", equalTo(f.site))
                .body("complaint.serviceCode", equalTo(service))
                .body("complaint.agencyCode", equalTo(f.agency));
        f.file(f.otherCitizen, body).statusCode(400)
                .body("errors[0].code", equalTo("complaint-not-your-application"));
    }

    @Test
    void categoriesAreListedInTheReadersLanguage() {
        given().get("/api/v1/complaint-categories").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("code", hasItems("PUNGLI", "PELAYANAN-LAMBAT", "INFORMASI", "LAINNYA"))
                .body("find { it.code == 'PUNGLI' }.name", equalTo("Pungutan liar"))
                .body("find { it.code == 'PUNGLI' }.attributes.code", hasItems("amount", "occurred_on"));
        given().header("Accept-Language", "en").get("/api/v1/complaint-categories").then().statusCode(200)
                .body("find { it.code == 'PUNGLI' }.name", equalTo("Unofficial fees"));
    }

    @Test
    void badFilingsAreClearProblems() {
        ComplaintFixtures f = new ComplaintFixtures();
        f.as(f.citizen).post("/api/v1/complaints").then().statusCode(400)
                .contentType("application/problem+json");
        f.as(f.citizen).body("{\"kind\":").post("/api/v1/complaints").then().statusCode(400)
                .body("code", equalTo("malformed-json"));
        f.as(f.citizen).body("{\"kind\":\"KELUHAN\",\"categoryCode\":\"PUNGLI\",\"description\":\"x\"}")
                .post("/api/v1/complaints").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        f.as(f.citizen).body("{\"categoryCode\":\"PUNGLI\",\"description\":\"x\",\"latitude\":\"north\"}")
                .post("/api/v1/complaints").then().statusCode(400).body("errors[0].field", equalTo("latitude"));

        f.file(f.citizen, Map.of()).statusCode(400)
                .body("errors.field", hasItems("categoryCode", "description"));
        Map<String, Object> body = f.body(null);
        body.put("description", "x".repeat(5001));
        body.put("latitude", 91.0);
        body.put("contactEmail", "bukan-email");
        body.put("mediaUrl", "javascript:alert(1)");
        f.file(f.citizen, body).statusCode(400)
                .body("errors.field", hasItems("description", "latitude", "longitude", "contactEmail", "mediaUrl"));

        body = f.body(null);
        body.put("categoryCode", "TIDAK-ADA");
        f.file(f.citizen, body).statusCode(400).body("errors[0].code", equalTo("complaint-unknown-category"));
        body = f.body(null);
        body.put("kind", "ASPIRASI");
        body.put("categoryCode", "PUNGLI");
        f.file(f.citizen, body).statusCode(400).body("errors[0].code", equalTo("complaint-category-not-for-kind"));
        body = f.body(null);
        body.put("categoryCode", "PUNGLI");
        body.put("attributes", Map.of("amount", "lima ratus", "colour", "merah"));
        f.file(f.citizen, body).statusCode(400).body("errors.field", hasItems("attributes.amount", "attributes.colour"));
        body = f.body(null);
        body.put("siteCode", "TIDAK-ADA");
        body.put("agencyCode", "TIDAK-ADA");
        body.put("serviceCode", "TIDAK-ADA");
        f.file(f.citizen, body).statusCode(400)
                .body("errors.code", hasItems("complaint-unknown-site", "complaint-unknown-agency", "complaint-unknown-service"));
        body = f.body(null);
        body.remove("siteCode");
        body.remove("agencyCode");
        f.file(f.citizen, body).statusCode(400).body("errors[0].field", equalTo("siteCode"));
        // Someone else's application or ticket cannot be linked; nothing identifying with anonymity.
        body = f.body(null);
        body.put("applicationTrackingNumber", "BDG-261123-7KQ4MX-H");
        body.put("ticketId", UUID.randomUUID().toString());
        f.file(f.citizen, body).statusCode(400)
                .body("errors.code", hasItems("complaint-not-your-application", "complaint-not-your-ticket"));
        body = f.body("ANONYMOUS");
        body.put("contactEmail", "a@example.org");
        body.put("applicationTrackingNumber", "BDG-261123-7KQ4MX-H");
        f.file(null, body).statusCode(400).body("errors.code", hasItems("complaint-not-with-anonymous"));
        f.file(null, f.body("IDENTIFIED")).statusCode(400).body("errors[0].code", equalTo("complaint-sign-in-required"));
        // English on request.
        f.as(f.citizen).header("Accept-Language", "en").body(Map.of("categoryCode", "PUNGLI"))
                .post("/api/v1/complaints").then().statusCode(400)
                .body("title", equalTo("The submitted data is not valid")).body("errors[0].message", equalTo("is required"));
    }
}
