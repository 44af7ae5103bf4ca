package id.satupintu.indicator;

import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The open data of a site, without a token: its indicators per month as CSV or JSON, and their DCAT-AP metadata
 * as JSON-LD. Every answer names its licence in a {@code Link: <...>; rel="license"} header (RFC 4946), the JSON
 * also in its body; the format is the path's extension, so a harvester's URL says what it gets.
 */
@Path("/api/v1/open-data/sites/{site}")
@Tag(name = "open data")
public class OpenDataResource {

    @Inject
    OpenDataService openData;

    @GET
    @Path("indicators.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> json(@PathParam("site") String site, @QueryParam("year") String year,
                              @QueryParam("month") String month, @Context HttpHeaders headers) {
        return openData.scope(site, year, month).flatMap(scope -> openData.table(scope, locale(headers)))
                .map(table -> open(Response.ok(OpenDataService.json(table), MediaType.APPLICATION_JSON_TYPE)));
    }

    @GET
    @Path("indicators.csv")
    @Produces(IndicatorResource.CSV)
    public Uni<Response> csv(@PathParam("site") String site, @QueryParam("year") String year,
                             @QueryParam("month") String month, @Context HttpHeaders headers) {
        return openData.scope(site, year, month).flatMap(scope -> openData.table(scope, locale(headers)))
                .map(table -> open(Response.ok(OpenDataService.csv(table), IndicatorResource.CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"indicators-" + table.scope().site().code()
                                + "-" + table.scope().year()
                                + (table.scope().month() == null ? "" : "-" + table.scope().month()) + ".csv\"")));
    }

    /** The dataset of one year (the current one without {@code year}): what a CKAN DCAT harvester reads. */
    @GET
    @Path("indicators.jsonld")
    @Produces(OpenDataCatalog.MEDIA_TYPE)
    public Uni<Response> metadata(@PathParam("site") String site, @QueryParam("year") String year,
                                  @Context UriInfo uri) {
        return openData.scope(site, year, null).map(scope -> open(Response.ok(OpenDataCatalog.document(scope,
                uri.getBaseUri().toString(), OpenDataService.columns()), OpenDataCatalog.MEDIA_TYPE)));
    }

    private static Locale locale(HttpHeaders headers) {
        return Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Public figures, the same for everyone: a shared cache may keep them a few minutes. */
    private static Response open(Response.ResponseBuilder response) {
        return response.header("Link", "<" + OpenDataService.LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
