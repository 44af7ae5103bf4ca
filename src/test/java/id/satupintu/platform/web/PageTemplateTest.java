package id.satupintu.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.security.Digests;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one page template: data goes in as JSON no HTML parser can end early, and only the page's own code runs. */
class PageTemplateTest {

    private static final String PAGE = "<html><style>p{}</style><script type=\"application/json\" id=\"d\">__DATA__"
            + "</script><script>run();</script></html>";

    @Test
    void dataCannotLeaveItsScriptElementAndReadsBackUnchanged() {
        String hostile = "</script><script>alert(1)</script> <!-- & > \u2028\u2029 __DATA__ \"'\\";
        String html = PageTemplate.of(PAGE, "__DATA__", "test").render(new ObjectMapper(), Map.of("name", hostile));
        String data = html.substring(html.indexOf("id=\"d\">") + 7, html.indexOf("</script>"));
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&") || data.contains("\u2028"), data);
        assertEquals(hostile, new JsonObject(data).getString("name"));
        assertEquals(2, html.split("</script>", -1).length - 1, html);
        // The placeholder in the data is data: the page was split once, before.
        assertTrue(html.endsWith("</script><script>run();</script></html>"), html);
    }

    @Test
    void thePolicyAllowsExactlyThePagesOwnScriptAndStyle() {
        String policy = PageTemplate.of(PAGE, "__DATA__", "test").ok(new ObjectMapper(), Map.of()).build()
                .getHeaderString("Content-Security-Policy");
        assertTrue(policy.contains("script-src " + hash("run();") + ";"), policy);
        assertTrue(policy.contains("style-src " + hash("p{}") + ";"), policy);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
    }

    @Test
    void aPageMustHoldItsPlaceholderExactlyOnce() {
        assertThrows(IllegalStateException.class, () -> PageTemplate.of("<html></html>", "__DATA__", "none"));
        assertThrows(IllegalStateException.class, () -> PageTemplate.of("__DATA__ __DATA__", "__DATA__", "two"));
    }

    private static String hash(String body) {
        return "'sha256-" + Base64.getEncoder().encodeToString(Digests.sha256(body.getBytes(StandardCharsets.UTF_8))) + "'";
    }
}
