package id.satupintu.indicator;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.Csv;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service indicators of a site, as JSON or (Accept: text/csv) as CSV; for its supervisors and admins. */
@Path("/api/v1/indicators")
@Tag(name = "indicators")
public class IndicatorResource {

    static final String CSV = "text/csv";

    @Inject
    IndicatorService indicators;

    @Inject
    CurrentUser currentUser;

    /** JSON unless the client asks for CSV before JSON (a client accepting anything gets JSON). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Uni<Response> get(@QueryParam("site") String site, @QueryParam("agency") String agency,
                             @QueryParam("service") String service, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("granularity") String granularity,
                             @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(headers);
        return report(site, agency, service, from, to, granularity, headers).map(report -> privately(csv
                ? Response.ok(IndicatorCsv.write(report), CSV + "; charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"indicators-" + report.site() + "-" + report.from() + "-" + report.to()
                                + ".csv\"")
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE)));
    }

    /** Waiting time by hour of the day (site-local hour of issue) over the period; JSON only. */
    @GET
    @Path("hours")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> hours(@BeanParam Cut cut) {
        return currentUser.require().flatMap(caller -> indicators.hours(caller, cut.query())).map(IndicatorResource::json);
    }

    /** SLA compliance (and the other application figures) by agency over the period; JSON only. */
    @GET
    @Path("agencies")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> agencies(@BeanParam Cut cut) {
        return currentUser.require().flatMap(caller -> indicators.agencies(caller, cut.query()))
                .map(IndicatorResource::json);
    }

    /** The parameters of a cut of the indicators: those of the report without the granularity. */
    public static class Cut {
        @QueryParam("site")
        String site;
        @QueryParam("agency")
        String agency;
        @QueryParam("service")
        String service;
        @QueryParam("from")
        String from;
        @QueryParam("to")
        String to;

        IndicatorService.Query query() {
            return new IndicatorService.Query(site, agency, service, from, to, null);
        }
    }

    private static Response json(Object figures) {
        return privately(Response.ok(figures, MediaType.APPLICATION_JSON_TYPE));
    }

    private Uni<IndicatorReport> report(String site, String agency, String service, String from, String to,
                                        String granularity, HttpHeaders headers) {
        IndicatorService.Query query = new IndicatorService.Query(site, agency, service, from, to, granularity);
        return currentUser.require().flatMap(caller -> indicators.report(caller, query,
                Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))));
    }

    /** Internal figures of one site: no shared cache may keep them. */
    private static Response privately(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
