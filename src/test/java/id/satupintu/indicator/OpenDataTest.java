package id.satupintu.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.queue.QueueDays;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A queue site with a June above the small-cell line (12 tickets issued, 11 survey respondents) and a July below
 * it (3 tickets, 4 respondents), read without a token as JSON, CSV and DCAT JSON-LD on 3 August 2026.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class OpenDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(IndicatorSeed.WIB).toInstant();
    }

    private String seed() {
        PinnedClock clock = PinnedClock.pin(at(6, 2, 8));
        String site = QueueFixtures.site("Asia/Jakarta", true);
        QueueFixtures.createLane(site, "A", 500, QueueFixtures.KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        clock.set(at(6, 2, 9));
        for (int i = 0; i < 12; i++) {
            QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
        }
        // Two served in June: 12 issued is published, 2 served and the waits over them are not.
        for (int i = 0; i < 2; i++) {
            String id = QueueFixtures.callNext(counter).then().statusCode(200).extract().path("id");
            QueueFixtures.act(counter, id, "start").then().statusCode(200);
            QueueFixtures.act(counter, id, "finish").then().statusCode(200);
        }
        clock.set(at(6, 3, 1));
        QueueDays.endOfDay(at(6, 3, 1));
        clock.set(at(7, 1, 9));
        for (int i = 0; i < 3; i++) {
            QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
        }
        clock.set(at(7, 2, 1));
        QueueDays.endOfDay(at(7, 2, 1));
        answers(site, at(6, 2, 12), 11);
        answers(site, at(7, 1, 12), 4);
        clock.set(at(8, 3, 10));
        return site;
    }

    /** n answers of all threes (IKM 75), written as the survey's own tests write them. */
    private static void answers(String site, Instant ended, int n) {
        OffsetDateTime at = ended.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            IndicatorSeed.sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at)"
                    + " values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", id, site, at);
            Object[] params = new Object[11];
            params[0] = id;
            params[1] = at;
            Arrays.fill(params, 2, 11, (short) 3);
            IndicatorSeed.sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4,"
                    + " u5, u6, u7, u8, u9) values ($1, $2, 'anonymous', $3, $4, $5, $6, $7, $8, $9, $10, $11)", params);
        }
    }

    @Test
    void smallCellsAreWithheldAlikeInJsonAndCsvAndTheRestIsTheIndicatorsOwnFigures() {
        String site = seed();
        Response json = given().queryParam("year", "2026").get("/api/v1/open-data/sites/" + site + "/indicators.json");
        json.then().statusCode(200).contentType("application/json")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .body("license", equalTo("https://creativecommons.org/licenses/by/4.0/"))
                .body("minimumCellSize", equalTo(10)).body("to", equalTo("2026-08-03"));
        JsonPath body = json.jsonPath();
        assertEquals(List.of("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01",
                "2026-07-01", "2026-08-01"), body.getList("rows.from"));
        Map<String, Object> june = body.getMap("rows[5]");
        assertEquals(12, june.get("queue.issued"));
        assertEquals(12, june.get("queue.issued.kiosk"));
        assertEquals(11, june.get("ikm.respondents"));
        assertEquals(75.0f, ((Number) june.get("ikm.ikm")).floatValue());
        // 2 served: the count and every figure over them withheld, and named.
        assertNull(june.get("queue.served"));
        assertNull(june.get("queue.waitSecondsMean"));
        List<String> juneSuppressed = body.getList("rows[5].suppressed");
        assertTrue(juneSuppressed.containsAll(List.of("queue.served", "queue.waitSecondsMean", "queue.serviceSecondsMean",
                "queue.issued.phone", "complaints.meanRating")), juneSuppressed.toString());
        assertFalse(juneSuppressed.contains("queue.issued"));
        assertFalse(juneSuppressed.contains("ikm.ikm"));
        Map<String, Object> july = body.getMap("rows[6]");
        for (String column : List.of("queue.issued", "queue.issued.kiosk", "ikm.respondents", "ikm.ikm", "ikm.grade")) {
            assertTrue(july.containsKey(column), column);
            assertNull(july.get(column), column);
            assertTrue(body.getList("rows[6].suppressed").contains(column), column);
        }

        // What is published is the supervisor's own report, cell for cell.
        JsonPath internal = given().auth().oauth2(TestTokens.staff(Roles.SUPERVISOR, null, site))
                .queryParam("site", site).queryParam("from", "2026-06-01").queryParam("to", "2026-07-31")
                .queryParam("granularity", "month").get("/api/v1/indicators").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(internal.getInt("periods[0].queue.issued"), june.get("queue.issued"));
        assertEquals(2, internal.getInt("periods[0].queue.served"));
        assertEquals(3, internal.getInt("periods[1].queue.issued"));
        assertEquals(internal.getString("periods[0].ikm.grade"), june.get("ikm.grade"));

        // The CSV: the same columns and rows, withheld cells empty, the withheld names in the last column.
        Response csv = given().queryParam("year", "2026").get("/api/v1/open-data/sites/" + site + "/indicators.csv");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Link", containsString("rel=\"license\""))
                .header("Content-Disposition", containsString("indicators-" + site + "-2026.csv"));
        List<String> lines = Arrays.asList(csv.asString().split("\r\n", -1));
        assertEquals("", lines.get(lines.size() - 1));
        assertEquals(1 + 8 + 1, lines.size());
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertEquals(body.getList("columns"), header);
        assertEquals("suppressed", header.get(header.size() - 1));
        for (String line : lines.subList(1, 9)) {
            assertEquals(header.size(), line.split(",", -1).length, line);
        }
        List<String> juneCells = Arrays.asList(lines.get(6).split(",", -1));
        assertEquals("12", juneCells.get(header.indexOf("queue.issued")));
        assertEquals("", juneCells.get(header.indexOf("queue.served")));
        assertEquals("", juneCells.get(header.indexOf("queue.waitSecondsMean")));
        assertEquals("75.00", juneCells.get(header.indexOf("ikm.ikm")));
        assertEquals(String.join(";", juneSuppressed), juneCells.get(header.size() - 1));
        List<String> julyCells = Arrays.asList(lines.get(7).split(",", -1));
        assertEquals("", julyCells.get(header.indexOf("queue.issued")));
        assertEquals("", julyCells.get(header.indexOf("ikm.grade")));

        // One month only.
        given().queryParam("year", "2026").queryParam("month", "6")
                .get("/api/v1/open-data/sites/" + site + "/indicators.json").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("rows[0].'queue.issued'", equalTo(12))
                .body("to", equalTo("2026-06-30"));

        // The metadata: DCAT-AP JSON-LD a harvester can read.
        Response ld = given().queryParam("year", "2026").get("/api/v1/open-data/sites/" + site + "/indicators.jsonld");
        ld.then().statusCode(200).contentType(containsString("application/ld+json"))
                .header("Link", containsString("creativecommons.org/licenses/by/4.0/"));
        JsonNode catalog;
        try {
            catalog = JSON.readTree(ld.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("http://www.w3.org/ns/dcat#", catalog.path("@context").path("dcat").asText());
        assertEquals("http://purl.org/dc/terms/", catalog.path("@context").path("dct").asText());
        assertEquals("dcat:Catalog", catalog.path("@type").asText());
        JsonNode dataset = catalog.path("dcat:dataset").path(0);
        assertEquals("dcat:Dataset", dataset.path("@type").asText());
        for (String key : List.of("dct:title", "dct:description", "dct:publisher", "dct:temporal", "dct:license",
                "dcat:distribution")) {
            assertFalse(dataset.path(key).isMissingNode(), key);
        }
        assertEquals("https://creativecommons.org/licenses/by/4.0/", dataset.path("dct:license").path("@id").asText());
        assertEquals("2026-01-01", dataset.path("dct:temporal").path("dcat:startDate").path("@value").asText());
        assertEquals("2026-08-03", dataset.path("dct:temporal").path("dcat:endDate").path("@value").asText());
        JsonNode distributions = dataset.path("dcat:distribution");
        assertEquals(2, distributions.size());
        for (JsonNode d : distributions) {
            assertEquals("dcat:Distribution", d.path("@type").asText());
            String url = d.path("dcat:downloadURL").path("@id").asText();
            assertTrue(url.startsWith("http") && url.contains("/api/v1/open-data/sites/" + site + "/indicators."), url);
            assertFalse(d.path("dcat:accessURL").path("@id").asText().isEmpty());
            assertTrue(d.path("dcat:mediaType").path("@id").asText().startsWith(
                    "http://www.iana.org/assignments/media-types/"));
            List<String> names = new java.util.ArrayList<>();
            d.path("csvw:tableSchema").path("csvw:column").forEach(c -> names.add(c.path("csvw:name").asText()));
            assertEquals(header, names);
            // The advertised URL answers what it says.
            String path = url.substring(url.indexOf("/api/v1/"));
            String type = d.path("dcat:mediaType").path("@id").asText().replace(
                    "http://www.iana.org/assignments/media-types/", "");
            given().urlEncodingEnabled(false).get(path).then().statusCode(200).contentType(containsString(type));
        }
    }

    @Test
    void unknownSiteIs404AndBadYearOrMonthIs400() {
        PinnedClock.pin(at(8, 3, 10));
        String site = QueueFixtures.site("Asia/Jakarta", true);
        for (String format : List.of("json", "csv", "jsonld")) {
            given().get("/api/v1/open-data/sites/NO-SUCH-SITE/indicators." + format).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("site-not-found"));
        }
        for (String year : List.of("twenty", "1999", "2027", "-1", "99999999999", "2026.5")) {
            given().queryParam("year", year).get("/api/v1/open-data/sites/" + site + "/indicators.json").then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation-failed"))
                    .body("errors.field", hasItem("year"));
        }
        for (String month : List.of("0", "13", "x", "9")) {
            given().queryParam("year", "2026").queryParam("month", month)
                    .get("/api/v1/open-data/sites/" + site + "/indicators.csv").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("month"));
        }
        given().queryParam("year", "2027").header("Accept-Language", "en")
                .get("/api/v1/open-data/sites/" + site + "/indicators.jsonld").then().statusCode(400)
                .body("errors[0].message", equalTo("a year from 2000 to 2026"));
        // Without a year: the site's current year.
        given().get("/api/v1/open-data/sites/" + site + "/indicators.json").then().statusCode(200)
                .body("year", equalTo(2026)).body("rows.size()", equalTo(8));
    }
}
