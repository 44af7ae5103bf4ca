package id.satupintu.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard in a real headless Chromium: for the seeded July the three charts are drawn on canvas and hold
 * the figures the API gives; a supervisor of another site and an officer are refused by the API the page calls.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class DashboardPageTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    private static final String JULY = "?from=2026-07-01&to=2026-07-31";

    /** The page's state once it has drawn or been refused. */
    private static final String STATUS = "return window.dasbor ? window.dasbor.status : null";

    @TestHTTPResource("/")
    URL base;

    private int opened;

    /** A new address each time (a distinct query), so the browser loads the page afresh, not only a fragment. */
    private String page(String site, String token) {
        return base + "dasbor/" + site + JULY + "&n=" + ++opened + (token == null ? "" : "#access_token=" + token);
    }

    /** The data of series {@code series} of the chart drawn in the element {@code id}, as the page gave it. */
    private static String series(Browser browser, String id, int series) {
        return String.valueOf(browser.script("return JSON.stringify(window.dasbor.charts['" + id
                + "'].getOption().series[" + series + "].data)"));
    }

    /** The values as the page writes them with JSON.stringify: seconds as minutes, two decimals, null kept. */
    private static String json(List<?> values, boolean asMinutes) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                out.add("null");
            } else {
                BigDecimal d = new BigDecimal(v.toString());
                if (asMinutes) {
                    d = d.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
                }
                out.add(d.stripTrailingZeros().toPlainString());
            }
        }
        return "[" + String.join(",", out) + "]";
    }

    private static JsonPath indicators(String path, String site) {
        return given().auth().oauth2(IndicatorSeed.supervisorOf(site)).queryParam("site", site)
                .queryParam("from", "2026-07-01").queryParam("to", "2026-07-31").get("/api/v1/indicators" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSupervisorSeesTheThreeChartsOfTheSeededMonth() throws Exception {
        IndicatorSeed seed = new IndicatorSeed();
        String site = seed.queueSite;
        String supervisor = IndicatorSeed.supervisorOf(site);
        JsonPath hours = indicators("/hours", site);
        JsonPath ikm = given().queryParam("site", site).queryParam("from", "2026-07-01")
                .queryParam("to", "2026-07-31").get("/api/v1/ikm").then().statusCode(200).extract().jsonPath();
        // The seed's tickets are all taken at 9 o'clock: waits 30, 60, 120, 300, 600 and 1200 s, a mean of 385 s.
        assertEquals(385f, hours.getFloat("hours[9].waitSecondsMean"));

        try (Browser browser = Browser.start()) {
            browser.open(page(site, supervisor));
            browser.await(STATUS, "drawn"::equals, SOON);
            assertEquals(3, ((Number) browser.script("return document.querySelectorAll('.chart canvas').length")).intValue());
            // Hours 00 to 23 on the axis; the 9 o'clock bar is 6.42 minutes, the hours without tickets are empty.
            assertEquals("[\"00\",\"01\",\"02\"", String.valueOf(browser.script(
                    "return JSON.stringify(window.dasbor.charts['chart-wait'].getOption().xAxis[0].data)"))
                    .substring(0, 15));
            String waits = series(browser, "chart-wait", 0);
            assertTrue(waits.startsWith("[null,null,null,null,null,null,null,null,null,6.42,null,"), waits);
            assertEquals(json(hours.getList("hours.waitSecondsMean"), true), waits);
            assertEquals(json(hours.getList("hours.waitSecondsMedian"), true), series(browser, "chart-wait", 1));
            assertEquals(json(hours.getList("hours.waitSecondsP90"), true), series(browser, "chart-wait", 2));
            // The queue site has no applications: the per-agency chart has no bar.
            assertEquals("[]", series(browser, "chart-sla", 0));
            String elements = series(browser, "chart-ikm", 0);
            assertEquals(json(ikm.getList("elements.ikm"), false), elements);
            assertTrue(ikm.getList("elements").size() > 0 && !elements.startsWith("[null"), elements);
            // The token left the address bar once read.
            assertEquals("", browser.script("return location.hash"));
            assertNotNull(browser.text("site"));

            // The seed's applications are at MPP-BDG: one bar per agency there, the seed's agency at 75 %.
            JsonPath agencies = indicators("/agencies", "MPP-BDG");
            List<String> codes = agencies.getList("agencies.agency");
            browser.open(page("MPP-BDG", IndicatorSeed.supervisorOf("MPP-BDG")));
            browser.await(STATUS, "drawn"::equals, SOON);
            String bars = series(browser, "chart-sla", 0);
            assertEquals(json(agencies.getList("agencies.applications.decidedInTimePercent"), false), bars);
            assertEquals("75", bars.substring(1, bars.length() - 1).split(",")[codes.indexOf(seed.applicationAgency)]);
            // Each bar is labelled with the agency's short name from the catalog.
            Object labels = browser.script("return JSON.stringify(window.dasbor.charts['chart-sla']"
                    + ".getOption().xAxis[0].data)");
            assertEquals(agencies.getList("agencies.agencyName"), JsonPath.from(String.valueOf(labels)).getList("$"));
        }
    }

    @Test
    void anotherSitesSupervisorAnOfficerAndNoTokenAreRefusedAndAnUnknownSiteIsNotFound() throws Exception {
        String site = QueueFixtures.openSite();
        String other = QueueFixtures.openSite();
        try (Browser browser = Browser.start()) {
            browser.open(page(site, TestTokens.staff(Roles.SUPERVISOR, null, other)));
            browser.await(STATUS, "refused-403"::equals, SOON);
            assertEquals(0, ((Number) browser.script("return document.querySelectorAll('.chart canvas').length")).intValue());
            assertTrue(browser.text("message").startsWith("Dasbor ini hanya untuk pengawas"), browser.text("message"));
            // The token kept for the tab is replaced by the one a new fragment brings.
            browser.open(page(site, TestTokens.staff(Roles.OFFICER, null, site)));
            browser.await(STATUS, "refused-403"::equals, SOON);
            browser.script("sessionStorage.clear()");
            browser.open(page(site, null));
            browser.await(STATUS, "refused-401"::equals, SOON);
        }
        given().get("/dasbor/NO-SUCH-SITE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void thePageIsServedWithItsPolicyAndTheChartingLibraryFromTheWebJar() {
        String site = QueueFixtures.openSite();
        given().get("/dasbor/" + site).then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .header("Content-Security-Policy", containsString(" 'self'; style-src"))
                .body(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .body(containsString("echarts"));
    }
}
