package id.satupintu.queue.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.catalog.SiteService;
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

/**
 * The full-screen page a TV above the counters opens: it follows the site's board stream and shows,
 * and optionally announces in Indonesian, who goes to which counter.
 */
@Path("/display/{siteCode}")
public class DisplayResource {

    private static final String PAGE = read("display/board.html");

    @Inject
    SiteService sites;

    @Inject
    BoardService board;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@PathParam("siteCode") String siteCode) {
        // The site must exist; its code and name go into the page as JSON string literals.
        return sites.find(siteCode).flatMap(site -> board.recentCalls(site.code()).map(recent -> PAGE
                .replace("\"__SITE_CODE__\"", jsonString(site.code()))
                .replace("\"__SITE_NAME__\"", jsonString(site.name()))
                .replace("\"__TIME_ZONE__\"", jsonString(site.timeZone()))
                .replace("[] /*__RECENT__*/", script(recent))));
    }

    /** JSON that is safe inside a script element: no "<" can close it. */
    private String script(Object value) {
        try {
            return mapper.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
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
