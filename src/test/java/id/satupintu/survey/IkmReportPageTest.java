package id.satupintu.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.Browser;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The printable SKM report page in a real headless Chromium: it shows the figures of the published report (the
 * same JSON the API gives), in Indonesian or English, and prints to a real A4 PDF; bad inputs are problem+json.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class IkmReportPageTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String STATUS = "return window.laporan ? window.laporan.status : null";
    private static final String YEAR = "from=2026-01-01&to=2026-12-31";
    /** An A4 page in PDF points (1/72 inch): 210 × 297 mm. */
    private static final double A4_WIDTH = 595.28;
    private static final double A4_HEIGHT = 841.89;

    @TestHTTPResource("/")
    URL base;

    /** Three answers (element 3 lowest, then 9, then 1), one published suggestion, one published plan. */
    private static String seededSite() {
        String site = QueueFixtures.openSite();
        String supervisor = TestTokens.staff(Roles.SUPERVISOR, null, site);
        UUID published = IkmPublicationTest.answer(site, new int[] {3, 4, 1, 4, 4, 4, 4, 4, 2}, "L", 19, "SMA",
                "SWASTA", "Antrian lama, WA saya 081234567890");
        IkmPublicationTest.answer(site, new int[] {3, 4, 2, 4, 4, 4, 4, 4, 2}, "P", 35, "S1", "PNS",
                "Rahasia: budi@mail.id");
        IkmPublicationTest.answer(site, new int[] {3, 4, 1, 4, 4, 4, 4, 4, 3}, "P", 60, null, null, null);
        given().auth().oauth2(supervisor).post("/api/v1/ikm/suggestions/" + published + "/publish").then()
                .statusCode(200);
        IkmPublicationTest.publishedPlan(supervisor, site, "Tambah loket <b>sore</b>");
        return site;
    }

    /** A figure as the page writes it in the language: two (or four) decimals, comma in Indonesian. */
    private static String shown(Object value, int decimals, boolean indonesian) {
        String text = new BigDecimal(value.toString()).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return indonesian ? text.replace('.', ',') : text;
    }

    private static JsonPath published(String site, String language) {
        return given().header("Accept-Language", language).queryParam("site", site).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").get("/api/v1/ikm/report").then().statusCode(200).extract().jsonPath();
    }

    private static String cells(Browser browser, String selector) {
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll('" + selector
                + "')).map(e => e.textContent).join('|')"));
    }

    @Test
    void thePageShowsThePublishedFiguresAndPrintsToAnA4Pdf() throws Exception {
        String site = seededSite();
        JsonPath json = published(site, "id");
        try (Browser browser = Browser.start()) {
            browser.open(base + "laporan/skm/" + site + "?" + YEAR);
            browser.await(STATUS, "drawn"::equals, SOON);
            assertEquals("id", browser.script("return document.documentElement.lang"));
            assertEquals("Laporan Survei Kepuasan Masyarakat (SKM)", browser.text("title"));
            assertEquals(shown(json.get("ikm.ikm"), 2, true), browser.text("ikm"));
            assertEquals(json.getString("ikm.grade"), browser.text("grade"));
            assertEquals(json.getString("ikm.gradeLabel"), browser.text("grade-label"));
            assertEquals("3", browser.text("respondents"));
            // Each element's row: number, name, NRR and index exactly as published, then the total row.
            assertEquals(10, ((Number) browser.script("return document.querySelectorAll('#elements tbody tr').length"))
                    .intValue());
            for (int e = 0; e < 9; e++) {
                String row = cells(browser, "#elements tbody tr:nth-child(" + (e + 1) + ") td");
                assertEquals("U" + (e + 1) + "|" + json.getString("ikm.elements[" + e + "].name") + "|"
                        + shown(json.get("ikm.elements[" + e + "].nrr"), 4, true) + "|"
                        + shown(json.get("ikm.elements[" + e + "].ikm"), 2, true) + "|"
                        + json.getString("ikm.elements[" + e + "].grade"), row);
            }
            // Element 3's scores 1, 2, 1: NRR 1.3333, index 33.33 (D).
            assertTrue(cells(browser, "#elements tbody tr:nth-child(3) td").endsWith("|1,3333|33,33|D"));
            String priorities = cells(browser, "#priorities li");
            assertEquals(3, priorities.split("\\|").length, priorities);
            assertTrue(priorities.startsWith("U3 ") && priorities.contains("|U9 ") && priorities.contains("|U1 "),
                    priorities);
            assertTrue(cells(browser, "#profile-sex td").startsWith("Laki-laki|1|Perempuan|2|"),
                    cells(browser, "#profile-sex td"));
            assertTrue(cells(browser, "#profile-age td").contains("60+|1"), cells(browser, "#profile-age td"));
            assertTrue(cells(browser, "#profile-education td").contains("Tidak diisi|1"));
            String suggestions = cells(browser, "#suggestions li div");
            assertEquals("Antrian lama, WA saya [data pribadi]", suggestions);
            // The plan's text stays text: markup a supervisor typed is shown, never parsed.
            assertTrue(cells(browser, "#plans td").contains("Tambah loket <b>sore</b>|Sekretariat|30 Juni 2026"),
                    cells(browser, "#plans td"));
            assertEquals(0, ((Number) browser.script("return document.querySelectorAll('#plans b').length")).intValue());

            byte[] pdf = browser.printToPdf();
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF-"), text.substring(0, Math.min(20, text.length())));
            assertTrue(pdf.length > 5_000, "a PDF of " + pdf.length + " bytes");
            // The figures, then the suggestions and plan from a new page: at least two pages, and not dozens.
            List<double[]> pages = pages(text);
            Matcher count = Pattern.compile("/Type\\s*/Pages\\b[^e]*?/Count\\s+(\\d+)", Pattern.DOTALL).matcher(text);
            assertTrue(count.find(), "no page tree");
            assertEquals(Integer.parseInt(count.group(1)), pages.size(), "pages listed and found");
            assertTrue(pages.size() >= 2 && pages.size() <= 4, "pages " + pages.size());
            for (double[] box : pages) {
                assertEquals(A4_WIDTH, box[0], 1.5);
                assertEquals(A4_HEIGHT, box[1], 1.5);
            }
        }
    }

    /** The width and height of each page object of the PDF (its MediaBox), in points. */
    private static List<double[]> pages(String pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])(?:(?!endobj).)*?/MediaBox\\s*\\[\\s*([\\d.]+)\\s+([\\d.]+)\\s+"
                + "([\\d.]+)\\s+([\\d.]+)\\s*\\]", Pattern.DOTALL).matcher(pdf);
        List<double[]> boxes = new java.util.ArrayList<>();
        while (m.find()) {
            boxes.add(new double[] {Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2))});
        }
        return boxes;
    }

    @Test
    void englishOnRequestAndAPeriodWithoutRespondents() throws Exception {
        String site = seededSite();
        JsonPath json = published(site, "en");
        try (Browser browser = Browser.start()) {
            browser.open(base + "laporan/skm/" + site + "?" + YEAR + "&lang=en");
            browser.await(STATUS, "drawn"::equals, SOON);
            assertEquals("en", browser.script("return document.documentElement.lang"));
            assertEquals("Public Satisfaction Survey (SKM) Report", browser.text("title"));
            assertEquals(shown(json.get("ikm.ikm"), 2, false), browser.text("ikm"));
            assertTrue(cells(browser, "#elements tbody tr:nth-child(1) td")
                    .startsWith("U1|" + json.getString("ikm.elements[0].name") + "|"));
            assertTrue(cells(browser, "#profile-sex td").startsWith("Male|1|Female|2|"),
                    cells(browser, "#profile-sex td"));

            browser.open(base + "laporan/skm/" + site + "?from=2025-01-01&to=2025-12-31");
            browser.await(STATUS, "drawn"::equals, SOON);
            assertEquals("–", browser.text("ikm"));
            assertEquals("Belum ada responden pada periode ini.", browser.text("no-respondents"));
            assertEquals("Rencana tindak lanjut belum dipublikasikan.", cells(browser, "#plans p"));
        }
        // The address chooses the language, not the browser's preference (headless Chromium asks for en-US).
        given().header("Accept-Language", "en").get("/laporan/skm/" + site + "?" + YEAR).then().statusCode(200)
                .body(containsString("\"lang\":\"id\""));
        given().get("/laporan/skm/" + site + "?" + YEAR + "&lang=xx").then().statusCode(200)
                .body(containsString("\"lang\":\"id\""));
    }

    @Test
    void thePageIsPublicCachedPerLanguageUnderItsPolicyAndCarriesNoPersonalData() {
        String site = seededSite();
        given().get("/laporan/skm/" + site + "?" + YEAR).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "public, max-age=60")
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .body(containsString("\"lang\":\"id\""))
                .body(not(containsString("081234567890"))).body(not(containsString("budi@mail.id")))
                .body(not(containsString("Rahasia")));
    }

    @Test
    void badInputsAreProblems() {
        String site = QueueFixtures.openSite();
        given().get("/laporan/skm/NO-SUCH-SITE").then().statusCode(404).contentType("application/problem+json");
        given().get("/laporan/skm/s%C3%A9ge%F0%9F%98%80").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/laporan/skm/" + site + "?from=2026-02-30").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        given().get("/laporan/skm/" + site + "?to=x").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("to"));
        given().get("/laporan/skm/" + site + "?from=2026-05-01&to=2026-04-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].code", equalTo("survey-dates"));
        given().get("/laporan/skm/" + site + "?from=2026-01-01%00").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/laporan/skm/" + site + "?from=" + "9".repeat(2000)).then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/laporan/skm/" + site + "?from=" + "9".repeat(20_000)).then().statusCode(414);
    }
}
