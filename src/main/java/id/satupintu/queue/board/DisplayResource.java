package id.satupintu.queue.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.catalog.SiteService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The full-screen page a TV above the counters opens: it follows the site's board stream and shows,
 * and optionally announces in Indonesian, who goes to which counter.
 */
@Path("/display/{siteCode}")
public class DisplayResource {

    /** Where the page's data goes: the body of its {@code <script type="application/json">} element. */
    private static final String DATA = "__BOARD_DATA__";

    /**
     * The page before and after its data, split once: the data is put between the two and never
     * searched for a placeholder, so whatever a site or counter is called cannot become part of the page.
     */
    private static final String[] PAGE = split(read("display/board.html"));

    @Inject
    SiteService sites;

    @Inject
    BoardService board;

    @Inject
    ObjectMapper mapper;

    /** What the page's script reads; the names in it are shown as text only. */
    @RegisterForReflection
    record PageData(String siteCode, String siteName, String timeZone, List<BoardCall> recent) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@PathParam("siteCode") String siteCode) {
        // The site must exist (404 otherwise); the page shows its last calls at once, before the stream.
        return sites.find(siteCode).flatMap(site -> board.recentCalls(site.code()).map(recent -> PAGE[0]
                + scriptData(new PageData(site.code(), site.name(), site.timeZone(), recent)) + PAGE[1]));
    }

    /**
     * JSON that cannot leave a script element: an HTML parser ends one at {@code </script} and treats
     * {@code <!--} specially, so every "<" (and ">" and "&" with it) is written as its JSON escape, as
     * are the line separators U+2028 and U+2029. These characters occur only inside JSON strings, where
     * the escape means the same character, so JSON.parse reads back exactly what was written.
     */
    private String scriptData(Object value) {
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    private static String[] split(String page) {
        int at = page.indexOf(DATA);
        if (at < 0 || page.indexOf(DATA, at + 1) >= 0) {
            throw new IllegalStateException("display/board.html must hold " + DATA + " exactly once");
        }
        return new String[] {page.substring(0, at), page.substring(at + DATA.length())};
    }

    private static String read(String resource) {
        try (InputStream in = DisplayResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
