package id.satupintu.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.PageTemplate;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The printable SKM report of a period, {@code /laporan/skm/{siteCode}}: the document a unit publishes (and
 * prints, A4). Public, as {@code GET /api/v1/ikm/report} is, and built from the very same
 * {@link IkmPublication.Report}: the page is given that report as its data and only lays it out, so the printed
 * figures cannot differ from the published JSON and CSV. Indonesian unless its address asks for English with
 * {@code lang=en} (the element names and grade label then come in English from the report itself). The address
 * alone chooses, not the browser's Accept-Language: a link to the document shared or printed anywhere shows the
 * same document, as the survey pages do.
 */
@Path("/laporan/skm/{siteCode}")
@Tag(name = "surveys")
public class IkmReportPageResource {

    /** The page; its data goes where {@code __LAPORAN_DATA__} stands. */
    private static final PageTemplate PAGE = PageTemplate.load("survey/report.html", "__LAPORAN_DATA__");

    @Inject
    IkmPublication publication;

    @Inject
    SiteService sites;

    @Inject
    SurveyElements elements;

    @Inject
    ObjectMapper mapper;

    /**
     * What the page's script reads: its language, the site's name (shown as text only), the report, and the
     * questionnaire's profile fields, whose labels name the report's profile counts (one bundle for both).
     */
    @RegisterForReflection
    record PageData(String lang, String siteName, IkmPublication.Report report, Questionnaire.Profile respondent) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The printable SKM report of a period (HTML, A4): the published IKM report laid out")
    public Uni<Response> page(@PathParam("siteCode") String siteCode, @QueryParam("agency") String agency,
                              @QueryParam("service") String service, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("lang") String lang) {
        Locale locale = Messages.negotiate(lang);
        return publication.report(siteCode, agency, service, from, to, locale)
                .flatMap(report -> sites.find(report.ikm().site()).map(site -> PAGE.ok(mapper,
                                new PageData(locale.getLanguage(), site.name(), report, elements.profile(locale)))
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build()));
    }
}
