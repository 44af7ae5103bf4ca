package id.satupintu.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real headless Chromium driven through chromedriver (Debian's chromium and chromium-driver, installed
 * by bin/ensure-chromium), spoken to in plain W3C WebDriver JSON over HTTP with REST Assured: unlike
 * --dump-dom, the page stays open, so a test can act through the API and watch the page change.
 */
public final class Browser implements AutoCloseable {

    private final Process driver;
    private final int port;
    private final String session;

    private Browser(Process driver, int port, String session) {
        this.driver = driver;
        this.port = port;
        this.session = session;
    }

    /** Starts chromedriver on a free port and a headless Chromium session in a throwaway profile. */
    public static Browser start() throws IOException, InterruptedException {
        int port = freePort();
        Path profile = Files.createTempDirectory("chromium-profile");
        Process driver = new ProcessBuilder("chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitReady(driver, port);
            Map<String, Object> chrome = Map.of("binary", "/usr/bin/chromium", "args", List.of("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile));
            String session = spec(port).body(Map.of("capabilities", Map.of("alwaysMatch",
                            Map.of("browserName", "chrome", "goog:chromeOptions", chrome))))
                    .post("/session").then().statusCode(200).extract().path("value.sessionId");
            return new Browser(driver, port, session);
        } catch (Exception | Error e) {
            // REST Assured may throw a checked ConnectException undeclared: never leave chromedriver behind.
            driver.destroyForcibly();
            throw e;
        }
    }

    public void open(String url) {
        command().body(Map.of("url", url)).post("/session/" + session + "/url").then().statusCode(200);
    }

    /**
     * Clicks the element the CSS selector finds, as a person would: WebDriver scrolls it into view and fails
     * for one that is hidden or covered, which a script's {@code element.click()} would not notice.
     */
    public void click(String cssSelector) {
        Map<String, Object> found = command().body(Map.of("using", "css selector", "value", cssSelector))
                .post("/session/" + session + "/element").then().statusCode(200).extract().jsonPath().getMap("value");
        String element = (String) found.get("element-6066-11e4-a52e-4f735466cecf");
        command().body(Map.of()).post("/session/" + session + "/element/" + element + "/click").then().statusCode(200);
    }

    /** The value a script returns in the page ("return ..."); null for undefined. */
    public Object script(String script) {
        return command().body(Map.of("script", script, "args", List.of()))
                .post("/session/" + session + "/execute/sync").then().statusCode(200).extract().path("value");
    }

    /**
     * The open page printed to PDF as Chromium prints it, through the DevTools Page.printToPDF command that
     * chromedriver relays: the page's own {@code @page} size wins (preferCSSPageSize), as in a person's print
     * dialog, so a test sees the paper the page asks for rather than the driver's default Letter.
     */
    public byte[] printToPdf() {
        String data = command().body(Map.of("cmd", "Page.printToPDF", "params",
                        Map.of("preferCSSPageSize", true, "printBackground", true)))
                .post("/session/" + session + "/goog/cdp/execute").then().statusCode(200).extract().path("value.data");
        return java.util.Base64.getDecoder().decode(data);
    }

    /** The text of the element with the id, or null when the page has none. */
    public String text(String id) {
        return (String) script("const e = document.getElementById(" + quoted(id) + "); return e ? e.textContent : null;");
    }

    /**
     * Polls the script's value until it passes the test, as a person watching the page would; fails
     * with the last value seen after the timeout.
     */
    public Object await(String script, Predicate<Object> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object value;
        do {
            value = script(script);
            if (test.test(value)) {
                return value;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("after " + timeout + " the page still shows " + value + " for: " + script);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            command().delete("/session/" + session);
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        }
    }

    private RequestSpecification command() {
        return spec(port);
    }

    private static RequestSpecification spec(int port) {
        return given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON);
    }

    private static void awaitReady(Process driver, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                if (Objects.equals(Boolean.TRUE, spec(port).get("/status").then().extract().path("value.ready"))) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet: REST Assured rethrows the ConnectException unchecked, undeclared.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start on port " + port);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
