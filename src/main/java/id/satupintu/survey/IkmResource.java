package id.satupintu.survey;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.Csv;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published satisfaction index: public, as PermenPANRB 14/2017 asks offices to publish it. */
@Path("/api/v1/ikm")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class IkmResource {

    @Inject
    IkmService ikm;

    @Inject
    Conditional conditional;

    @GET
    public Uni<Response> get(@QueryParam("site") String site, @QueryParam("agency") String agency,
                             @QueryParam("service") String service, @QueryParam("from") String from,
                             @QueryParam("to") String to, @Context HttpHeaders headers) {
        return ikm.report(site, agency, service, from, to,
                        Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .map(report -> conditional.ok(headers, report, Conditional.publicFor(60)));
    }

    @Inject
    IkmPublication publication;

    /** The published report (figures, priorities, profile, suggestions, plans); CSV of its figures on request. */
    @GET
    @Path("/report")
    @Produces({MediaType.APPLICATION_JSON, Csv.TYPE})
    public Uni<Response> report(@QueryParam("site") String site, @QueryParam("agency") String agency,
                                @QueryParam("service") String service, @QueryParam("from") String from,
                                @QueryParam("to") String to, @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(headers);
        return publication.report(site, agency, service, from, to,
                        Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .map(report -> csv
                        ? Response.ok(IkmPublication.csv(report), Csv.TYPE + "; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"ikm-" + report.ikm().site()
                                        + "-" + report.ikm().from() + "-" + report.ikm().to() + ".csv\"")
                                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build()
                        : conditional.ok(headers, report, Conditional.publicFor(60)))
                // Cached publicly: a shared cache must not hand the CSV to a JSON client, or Indonesian to English.
                .map(answer -> Response.fromResponse(answer).header(HttpHeaders.VARY, "Accept, Accept-Language").build());
    }
}
