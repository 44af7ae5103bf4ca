package id.satupintu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.security.Digests;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the service serves an HTML page (the TV display, the survey pages): a fixed file from the
 * classpath whose only variable part is one JSON object, put into the body of its
 * {@code <script type="application/json">} element. The page's own script reads it with {@code JSON.parse} and
 * shows what it holds as text. Nothing is ever substituted into markup or code, so whatever a site or counter
 * is called, or whatever a visitor puts into the address (a survey token is part of the path), cannot become
 * part of the page.
 *
 * <p>The file is split once, at its placeholder, when loaded: the data goes between the two halves and is
 * never searched for a placeholder itself. Every answer also carries a Content-Security-Policy that allows the
 * file's own inline scripts and styles (by their SHA-256, computed here at load) and requests to this origin
 * only: a second line of defence should anything ever slip into the page.
 */
public final class PageTemplate {

    /** The executable inline scripts and the style elements of a page, whose bodies the policy allows by hash. */
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String before;
    private final String after;
    private final String policy;

    private PageTemplate(String before, String after, String policy) {
        this.before = before;
        this.after = after;
        this.policy = policy;
    }

    /**
     * The page in {@code resource} (UTF-8), which must hold {@code placeholder} exactly once, inside its
     * {@code <script type="application/json">} element. Fails at start, not on a request, when it does not.
     */
    public static PageTemplate load(String resource, String placeholder) {
        return of(read(resource), placeholder, resource, false);
    }

    /**
     * As {@link #load(String, String)}, for a page that also loads script files served by this service itself
     * (a WebJar's, such as the dashboard's charting library): its policy allows scripts from this origin too
     * (a CSP source cannot name a path without naming the host, which differs per deployment).
     */
    public static PageTemplate loadWithOwnScripts(String resource, String placeholder) {
        return of(read(resource), placeholder, resource, true);
    }

    static PageTemplate of(String page, String placeholder, String name) {
        return of(page, placeholder, name, false);
    }

    private static PageTemplate of(String page, String placeholder, String name, boolean ownScripts) {
        int at = page.indexOf(placeholder);
        if (at < 0 || page.indexOf(placeholder, at + 1) >= 0) {
            throw new IllegalStateException(name + " must hold " + placeholder + " exactly once");
        }
        String scripts = hashes(SCRIPT, page) + (ownScripts ? " 'self'" : "");
        String policy = "default-src 'none'; script-src " + scripts + "; style-src " + hashes(STYLE, page)
                + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
        return new PageTemplate(page.substring(0, at), page.substring(at + placeholder.length()), policy);
    }

    /** The page with {@code data} as its JSON. */
    public String render(ObjectMapper mapper, Object data) {
        try {
            return before + scriptData(mapper.writeValueAsString(data)) + after;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 200 answer with the page, its content type and its security headers: the policy above, no referrer (a
     * survey page's address holds its token) and no framing. The caller adds its caching rule.
     */
    public Response.ResponseBuilder ok(ObjectMapper mapper, Object data) {
        return Response.ok(render(mapper, data), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    /**
     * JSON that cannot leave a script element: an HTML parser ends one at {@code </script} and treats
     * {@code <!--} specially, so every "<" (and ">" and "&" with it) is written as its JSON escape, as
     * are the line separators U+2028 and U+2029. These characters occur only inside JSON strings, where
     * the escape means the same character, so JSON.parse reads back exactly what was written.
     */
    public static String scriptData(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The CSP source list allowing exactly the bodies of the page's elements matched by {@code element}. */
    private static String hashes(Pattern element, String page) {
        List<String> sources = new ArrayList<>();
        Matcher m = element.matcher(page);
        while (m.find()) {
            byte[] digest = Digests.sha256(m.group(1).getBytes(StandardCharsets.UTF_8));
            sources.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        }
        return sources.isEmpty() ? "'none'" : String.join(" ", sources);
    }

    private static String read(String resource) {
        try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
