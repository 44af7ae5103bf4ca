package id.satupintu.complaint.open311;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open311 GeoReport v2 under /open311/v2. The format is the extension of the last path segment, so
 * each method takes that segment whole, splits off the format, and routes on the name; every
 * answer, errors included, is in the format asked for and in GeoReport's shape. Parameters are read
 * from the raw query and form so that no conversion failure can escape as problem+json.
 */
@Path("/open311/v2")
@Tag(name = "open311")
public class Open311Resource {

    @Inject
    Open311Answers answers;

    @Inject
    Open311Services services;

    @Inject
    Open311Requests requests;

    @Inject
    Open311Filing filing;

    @Inject
    ClientAddress clientAddresses;

    /** discovery.{xml,json}, services.{xml,json}, requests.{xml,json} */
    @GET
    @Path("/{segment}")
    public Uni<Response> read(@PathParam("segment") String segment, @Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(segment, uri, headers, (name, query) -> switch (name) {
            case "discovery" -> services.discovery(baseUrl(uri), query.locale());
            case "services" -> services.services(query);
            case "requests" -> requests.requests(query);
            default -> notFound();
        });
    }

    /** services/{service_code}, requests/{service_request_id}, tokens/{token}, each .{xml,json} */
    @GET
    @Path("/{collection}/{segment}")
    public Uni<Response> readOne(@PathParam("collection") String collection, @PathParam("segment") String segment,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(segment, uri, headers, (name, query) -> switch (collection) {
            case "services" -> services.definition(name, query);
            case "requests" -> requests.request(name, query);
            case "tokens" -> requests.token(name, query);
            default -> notFound();
        });
    }

    /** POST requests.{xml,json}: the form is read raw so a wrong content type gets GeoReport's error too. */
    @POST
    @Path("/{segment}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(@PathParam("segment") String segment, String body, @Context UriInfo uri,
                                @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String clientAddress = clientAddresses.of(request);
        return answer(segment, uri, headers, (name, query) -> "requests".equals(name)
                ? filing.create(Open311Form.parse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body), query,
                        clientAddress)
                : notFound());
    }

    @FunctionalInterface
    interface Work {
        Uni<Open311Document> apply(String name, Open311Query query);
    }

    private Uni<Response> answer(String segment, UriInfo uri, HttpHeaders headers, Work work) {
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Open311Format.Segment parsed;
        try {
            parsed = Open311Format.split(segment);
        } catch (ProblemException unknownFormat) {
            return Uni.createFrom().item(answers.failure(unknownFormat, Open311Format.XML, locale, uri.getPath()));
        }
        Open311Format format = parsed.format();
        Function<Throwable, Response> failure = e -> answers.failure(e, format, locale, uri.getPath());
        return Uni.createFrom().deferred(() -> work.apply(parsed.name(), new Open311Query(uri.getQueryParameters(), locale)))
                .map(document -> answers.ok(document, format))
                .onFailure().recoverWithItem(failure);
    }

    private static Uni<Open311Document> notFound() {
        return Uni.createFrom().failure(new ProblemException(404, "open311-not-found"));
    }

    private static String baseUrl(UriInfo uri) {
        return uri.getBaseUriBuilder().path("open311").path("v2").build().toString();
    }
}
