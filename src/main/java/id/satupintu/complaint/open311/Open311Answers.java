package id.satupintu.complaint.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.ErrorShape;
import id.satupintu.platform.error.Failures;
import id.satupintu.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Writes GeoReport v2 answers, and the resource's failures in the specification's own error shape
 * ({@link Open311Errors}, the same shape every other error on an Open311 path takes).
 */
@ApplicationScoped
class Open311Answers {

    @Inject
    ObjectMapper mapper;

    @Inject
    Open311Errors errors;

    @Inject
    Failures failures;

    public Response ok(Open311Document document, Open311Format format) {
        return Response.ok(document.write(format, mapper)).header(HttpHeaders.CONTENT_TYPE, format.mediaType()).build();
    }

    public Response failure(Throwable failure, Open311Format format, Locale locale, String path) {
        ErrorShape.Rendered rendered = errors.render(asProblem(failure, path), format, locale);
        Response.ResponseBuilder response = Response.status(rendered.status()).entity(rendered.body())
                .header(HttpHeaders.CONTENT_TYPE, rendered.contentType());
        rendered.headers().forEach(response::header);
        return response.build();
    }

    private ProblemException asProblem(Throwable failure, String path) {
        return failures.problem(failure, path);
    }
}
