package id.satupintu.queue.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.web.PageTemplate;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The full-screen page a TV above the counters opens: it follows the site's board stream and shows,
 * and optionally announces in Indonesian, who goes to which counter.
 */
@Path("/display/{siteCode}")
public class DisplayResource {

    /** The page; its data (the site and its last calls) goes where {@code __BOARD_DATA__} stands. */
    private static final PageTemplate PAGE = PageTemplate.load("display/board.html", "__BOARD_DATA__");

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
    public Uni<Response> page(@PathParam("siteCode") String siteCode) {
        // The site must exist (404 otherwise); the page shows its last calls at once, before the stream.
        return sites.find(siteCode).flatMap(site -> board.recentCalls(site.code()).map(recent -> PAGE.ok(mapper,
                new PageData(site.code(), site.name(), site.timeZone(), recent)).build()));
    }
}
