package id.satupintu.queue.board;

import id.satupintu.queue.QueueFixtures;
import static id.satupintu.queue.QueueFixtures.KTP;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TV page, rendered by a real headless Chromium (Debian's package, installed by bin/test). */
@QuarkusTest
class DisplayPageTest {

    /** How long a call may take to reach the open page: the issue asks for "within a few seconds". */
    private static final Duration LIVE = Duration.ofSeconds(5);

    @TestHTTPResource("/display/")
    URL display;

    @Test
    void aCallMadeThroughTheApiAppearsOnThePage() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 5, "A");
        QueueFixtures.kioskTicket(site, KTP, "NONE");
        String number = QueueFixtures.callNext(counter).then().statusCode(200).extract().path("number");

        String dom = render(display + site);
        assertTrue(dom.contains("id=\"current-number\">" + number + "<"), "the called number is not shown:\n" + dom);
        assertTrue(dom.contains("Loket 5"), "the counter is not shown:\n" + dom);
        assertTrue(dom.contains("MPP Uji") || dom.contains(site), dom);
    }

    /**
     * The page open on the TV before anyone is called: calls made through the API afterwards reach it
     * over the board stream, the newest in large type and the earlier ones in the list below.
     */
    @Test
    void callsMadeWhileThePageIsOpenAppearLive() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        QueueFixtures.OpenCounter five = QueueFixtures.openCounter(site, 5, "A");
        QueueFixtures.OpenCounter seven = QueueFixtures.openCounter(site, 7, "A");
        QueueFixtures.kioskTicket(site, KTP, null);
        QueueFixtures.kioskTicket(site, KTP, null);

        try (Browser browser = Browser.start()) {
            browser.open(display + site);
            assertEquals("–", browser.text("current-number"), "nothing was called yet");
            // The stream is open once the page says so; a call before that would only come with a reload.
            browser.await("return document.getElementById('status').textContent", "Tersambung"::equals, LIVE);

            JsonPath call = QueueFixtures.callNext(five).then().statusCode(200).extract().jsonPath();
            String first = call.getString("number");
            browser.await("return document.getElementById('current-number').textContent", first::equals, LIVE);
            assertEquals("Loket 5", browser.text("current-counter"));

            String second = QueueFixtures.callNext(seven).then().statusCode(200).extract().path("number");
            browser.await("return document.getElementById('current-number').textContent", second::equals, LIVE);
            assertEquals("Loket 7", browser.text("current-counter"));
            assertEquals(first + "Loket 5", browser.text("recent"), "the earlier call moves to the list");

            // A recall brings the first ticket back to the top, once.
            given().auth().oauth2(five.staff()).post("/api/v1/tickets/" + call.getString("id") + "/recall")
                    .then().statusCode(200);
            browser.await("return document.getElementById('current-number').textContent", first::equals, LIVE);
            assertEquals(second + "Loket 7", browser.text("recent"));
        }
    }

    /**
     * Whatever a site or counter is called, the page shows it as text and keeps working: the names
     * reach the page as JSON data only, which no name can end early, and are never put into the
     * page's script or markup, not even next to what looks like a placeholder.
     */
    @Test
    void namesOfAnyKindAreShownAsTextAndBreakNothing() throws Exception {
        String siteName = "MPP \"Kutip\" 'satu' \\ ${siteCode} </script><script>alert(1)</script> <!-- "
                + "[] /*__RECENT__*/ \"__TIME_ZONE__\" __BOARD_DATA__ Sumur Bandung \u2713 \u00d1 \u65e5\u672c "
                + "\u2028 \ud83d\udc4d";
        String counterName = "Loket </SCRIPT><script>alert(2)</script> \"7\" \\ ${x} <!-- \u2713 \u2029";
        String site = QueueFixtures.site("Asia/Jakarta", "00:00", "23:59", siteName);
        QueueFixtures.createLane(site, "A", 100, KTP);
        String counter = QueueFixtures.createNamedCounter(site, 7, counterName, "A");
        String staff = id.satupintu.support.TestTokens.staff(id.satupintu.platform.security.Roles.COUNTER_STAFF, null, site);
        given().auth().oauth2(staff).post("/api/v1/counters/" + counter + "/open").then().statusCode(200);
        QueueFixtures.kioskTicket(site, KTP, null);
        String number = given().auth().oauth2(staff).post("/api/v1/counters/" + counter + "/call-next").then()
                .statusCode(200).extract().path("number");

        // As served: one data element and one script, the names only inside the data, escaped.
        String html = given().get("/display/" + site).then().statusCode(200).extract().asString();
        assertEquals(2, html.split("</script>", -1).length - 1, html);
        assertFalse(html.contains("alert(1)</script>") || html.toLowerCase().contains("alert(2)</script>"), html);
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"board-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(data.find(), html);
        JsonObject page = new JsonObject(data.group(1));
        assertEquals(siteName, page.getString("siteName"));
        assertEquals(counterName, page.getJsonArray("recent").getJsonObject(0).getString("counterName"));

        // In the browser: the name as text, the call shown, no script but the page's own.
        try (Browser browser = Browser.start()) {
            browser.open(display + site);
            assertEquals(siteName, browser.text("site"));
            assertEquals(number, browser.text("current-number"));
            assertEquals("Loket 7", browser.text("current-counter"));
            assertEquals(2L, ((Number) browser.script("return document.scripts.length")).longValue());
            assertEquals(Boolean.TRUE, browser.script("return document.getElementById('board-data') !== null"));
        }
    }

    @Test
    void pageIsHtmlInIndonesianAndUnknownSitesAreProblems() {
        given().get("/display/NOPE-404").then().statusCode(404).body("code", equalTo("site-not-found"));
        given().get("/display/MPP-BDG").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .body(containsString("lang=\"id\"")).body(containsString("\"MPP-BDG\""));
    }

    /** The page's DOM after its scripts ran: the board read, then the board stream followed. */
    private static String render(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path out = Files.createTempFile("dom", ".html");
        Process chromium = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--timeout=5000", "--dump-dom", url))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(chromium.waitFor(45, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, chromium.exitValue(), "chromium failed");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
