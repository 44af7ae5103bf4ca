package id.satupintu.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.Browser;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The survey pages in a real headless Chromium: the counter tablet's journey and the phone's, answered by clicks. */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class SurveyPagesTest {

    /** How long the page may take to show what the API did: the tablet asks every 3 seconds. */
    private static final Duration SOON = Duration.ofSeconds(10);

    private static final String TITLE = "return document.getElementById('message').hidden ? null "
            + ": document.getElementById('message-title').textContent";

    /** True once thanked; else what the page says instead (its error line, the submit button), for the failure. */
    private static final String THANKED = "return !document.getElementById('thanks').hidden || ("
            + "'error: ' + document.getElementById('form-error').textContent + ', button: '"
            + "+ document.getElementById('submit').textContent + ', form hidden: ' + document.getElementById('form').hidden)";

    @TestHTTPResource("/")
    URL base;

    /** A counter tablet registered by the admin API, as a real device is: its client id and secret. */
    static String[] registerTablet(String site) {
        String clientId = "tablet-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Tablet loket uji", "kind", "counter_tablet",
                        "scopes", List.of(), "siteCode", site))
                .post("/api/v1/api-clients").then().statusCode(201).extract().path("clientSecret");
        return new String[] {clientId, secret};
    }

    /** Clicks one face per element, the scores given, as the citizen would. */
    static void answerByClicks(Browser browser, int... scores) {
        for (int e = 1; e <= scores.length; e++) {
            browser.click("button.answer[data-element='" + e + "'][data-score='" + scores[e - 1] + "']");
        }
    }

    static ExtractableResponse<Response> finish(QueueFixtures.OpenCounter counter, String ticket) {
        QueueFixtures.act(counter, ticket, "start").then().statusCode(200);
        return QueueFixtures.act(counter, ticket, "finish").then().statusCode(200).extract();
    }

    @Test
    void aTicketFinishedThroughTheApiIsAnsweredOnTheTabletAndCounted() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 6, "A");
        String[] tablet = registerTablet(site);

        try (Browser browser = Browser.start()) {
            browser.open(base + "survei/loket/" + counter.id() + "#client=" + tablet[0] + "&secret=" + tablet[1]);
            browser.await(TITLE, "Survei tampil di sini setelah layanan Anda selesai."::equals, SOON);
            // The secret left the address bar at once and stays in the tab's session only.
            assertEquals("", browser.script("return location.hash"));
            assertTrue(((String) browser.script("return sessionStorage.getItem('satupintu.counterTablet')"))
                    .contains(tablet[1]));
            assertEquals("Loket 6", browser.text("counter"));

            String ticket = QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
            String number = QueueFixtures.callNext(counter).then().statusCode(200).extract().path("number");
            finish(counter, ticket);
            browser.await("return document.getElementById('form').hidden ? null "
                    + ": document.getElementById('ticket-number').textContent", number::equals, SOON);
            assertEquals("1. Persyaratan", browser.script(
                    "return document.querySelector('fieldset.element legend').textContent"));
            assertEquals(36L, ((Number) browser.script("return document.querySelectorAll('button.answer svg').length"))
                    .longValue(), "four faces for each of the nine elements");

            answerByClicks(browser, 4, 4, 3, 4, 3, 4, 4, 2, 3);
            browser.click("#profile-sex button[data-value='P']");
            browser.click("#submit");
            browser.await(THANKED, Boolean.TRUE::equals, SOON);
            assertEquals("Terima kasih atas penilaian Anda!", browser.text("thanks-title"));

            // Counted in the index, with the scores clicked: (4+4+3+4+3+4+4+2+3) / 9 × 25 = 86.11.
            given().config(SurveyFixtures.EXACT).queryParam("site", site).get("/api/v1/ikm").then().statusCode(200)
                    .body("respondents", equalTo(1)).body("population", equalTo(1))
                    .body("ikm", equalTo(new BigDecimal("86.11"))).body("elements[7].nrr", equalTo(new BigDecimal("2.0000")));
            // Then back to waiting for the next citizen.
            browser.await(TITLE, "Survei tampil di sini setelah layanan Anda selesai."::equals, SOON);

            // A reload (no fragment now) signs in again from the tab's session.
            browser.open(base + "survei/loket/" + counter.id());
            browser.await(TITLE, "Survei tampil di sini setelah layanan Anda selesai."::equals, SOON);
        }
    }

    @Test
    void aTabletWithoutCredentialsOrOfAnotherSiteSaysSo() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        String counter = QueueFixtures.createCounter(site, 2, "A");
        String[] stranger = registerTablet(QueueFixtures.openSite());
        try (Browser browser = Browser.start()) {
            browser.open(base + "survei/loket/" + counter);
            browser.await(TITLE, "Tablet ini belum terdaftar."::equals, SOON);
            browser.open(base + "survei/loket/" + counter + "#client=" + stranger[0] + "&secret=" + stranger[1]);
            browser.await(TITLE, "Survei dari lokasi lain"::equals, SOON);
            browser.open(base + "survei/loket/" + counter + "#client=" + stranger[0] + "&secret=salah-sekali-12345");
            browser.await(TITLE, title -> title != null && !title.toString().startsWith("Survei dari"), SOON);
        }
        given().get("/survei/loket/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("counter-not-found"));
        given().get("/survei/loket/bukan-loket").then().statusCode(404);
    }

    @Test
    void aPhoneOpensTheSlipsLinkAndAnswersByClicksInEitherLanguage() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        var issued = QueueFixtures.issue(site, kiosk, "KIOSK", QueueFixtures.KTP, null).then().statusCode(201)
                .body("survey.url", startsWith("/survei/")).extract();
        String url = issued.path("survey.url");

        try (Browser browser = Browser.start()) {
            // Scanned while waiting: the service has not ended yet.
            browser.open(base + url.substring(1));
            browser.await(TITLE, "Survei dapat diisi setelah layanan Anda selesai."::equals, SOON);

            QueueFixtures.callNext(counter).then().statusCode(200);
            finish(counter, issued.path("id"));
            browser.open(base + url.substring(1));
            browser.await("return document.getElementById('form').hidden ? null "
                    + ": document.querySelector('fieldset.element legend').textContent", "1. Persyaratan"::equals, SOON);
            assertEquals("Survei Kepuasan Masyarakat", browser.script("return document.title"));
            answerByClicks(browser, 2, 2, 2, 2);
            // To English: the questions again from the API, the answers given kept.
            browser.click("#lang");
            browser.await("return document.querySelector('fieldset.element legend').textContent",
                    "1. Requirements"::equals, SOON);
            assertEquals("en", browser.script("return document.documentElement.lang"));
            assertEquals("4 of 9 questions answered", browser.text("progress"));
            assertEquals("true", browser.script("return document.querySelector("
                    + "\"button.answer[data-element='4'][data-score='2']\").getAttribute('aria-pressed')"));
            browser.click("#submit");
            assertEquals("Please answer all 9 questions.", browser.text("form-error"));
            for (int e = 5; e <= 9; e++) {
                browser.click("button.answer[data-element='" + e + "'][data-score='2']");
            }
            browser.script("const s = document.getElementById('suggestion'); s.value = 'Antrian </script> cepat';");
            browser.click("#submit");
            browser.await(THANKED, Boolean.TRUE::equals, SOON);
            assertEquals("Thank you for your rating!", browser.text("thanks-title"));

            // Opened again (the address now says ?lang=en): answered.
            assertTrue(((String) browser.script("return location.search")).contains("lang=en"));
            browser.open((String) browser.script("return location.href"));
            browser.await(TITLE, "This survey has already been answered. Thank you!"::equals, SOON);
        }
        given().config(SurveyFixtures.EXACT).queryParam("site", site).get("/api/v1/ikm").then().statusCode(200)
                .body("respondents", equalTo(1)).body("ikm", equalTo(new BigDecimal("50.00")));
    }

    /**
     * A token is part of the path, so anyone can put anything there: it reaches the page as JSON data only,
     * never as markup or code, and the page says the survey is unknown. The policy allows only the page's own
     * script besides.
     */
    @Test
    void aHostileTokenInThePathInjectsNothing() throws Exception {
        String hostile = "\"><img src=x onerror=window.pwned=1><script>window.pwned=2<\\script><!--\u2028${x}";
        String path = "/survei/" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        var served = given().urlEncodingEnabled(false).get(path).then().statusCode(200)
                .contentType(containsString("text/html")).header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .header("Cache-Control", "no-store").extract().asString();
        assertFalse(served.contains("<img") || served.contains("window.pwned=2<"), served);
        assertEquals(2, served.split("</script>", -1).length - 1, "one data element and one script");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"survey-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(served);
        assertTrue(data.find(), served);
        assertEquals(hostile, new JsonObject(data.group(1)).getString("token"));

        try (Browser browser = Browser.start()) {
            browser.open(base + path.substring(1));
            browser.await(TITLE, "Survei tidak ditemukan"::equals, SOON);
            assertNull(browser.script("return window.pwned === undefined ? null : window.pwned"));
            assertEquals(0L, ((Number) browser.script("return document.images.length")).longValue());
            assertEquals(2L, ((Number) browser.script("return document.scripts.length")).longValue());
        }
    }
}
