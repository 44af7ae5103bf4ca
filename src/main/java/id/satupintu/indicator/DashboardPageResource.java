package id.satupintu.indicator;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.web.PageTemplate;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervisors' dashboard of a site, {@code /dasbor/{siteCode}}: the indicators and the IKM of a period as
 * charts. The page holds no figures: its script reads them from {@code GET /api/v1/indicators} (with the staff
 * token it is given in its fragment) and {@code GET /api/v1/ikm}, so who may see them is decided there only.
 */
@Path("/dasbor/{siteCode}")
@Tag(name = "indicators")
public class DashboardPageResource {

    /** The days the dashboard shows unless its address says otherwise: the last week, today included. */
    static final int DEFAULT_DAYS = 7;

    /** The page; its data goes where {@code __DASBOR_DATA__} stands. It loads ECharts from the WebJar. */
    private static final PageTemplate PAGE = PageTemplate.loadWithOwnScripts("dasbor/page.html", "__DASBOR_DATA__");

    @Inject
    SiteService sites;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /** What the page's script reads; the site's name is shown as text only. */
    @RegisterForReflection
    record PageData(String siteCode, String siteName, LocalDate from, LocalDate to) {
    }

    /** The site must exist (404 otherwise); the period defaults to the site's last {@value #DEFAULT_DAYS} days. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The site's dashboard of indicators and IKM as charts (HTML); staff token in its fragment")
    public Uni<Response> page(@PathParam("siteCode") String siteCode) {
        return sites.find(siteCode).map(site -> {
            LocalDate today = clock.today(site.zone());
            return PAGE.ok(mapper, new PageData(site.code(), site.name(), today.minusDays(DEFAULT_DAYS - 1), today))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }
}
