package id.satupintu.complaint.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.error.ProblemMappers;
import id.satupintu.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Writes GeoReport v2 answers, and its errors in the specification's own shape rather than as
 * problem+json: {@code <errors><error><code/><description/></error></errors>}, a JSON array of
 * {code, description}. The HTTP status follows the specification's rule: 404 for what does not
 * exist, 403 for a missing or wrong api_key, 400 for any other client mistake. Two of ours stay as
 * they are because a client must act on them differently: 429 (rate limit, with Retry-After) and
 * 5xx. The body's code is the HTTP status, which is what Open311 clients read; the description is
 * localized like every citizen-facing text (Indonesian unless the client asks for English).
 */
@ApplicationScoped
class Open311Answers {

    private static final Logger LOG = Logger.getLogger(Open311Answers.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    ProblemFactory problems;

    @Inject
    Messages messages;

    public Response ok(Open311Document document, Open311Format format) {
        return Response.ok(document.write(format, mapper)).header(HttpHeaders.CONTENT_TYPE, format.mediaType()).build();
    }

    public Response failure(Throwable failure, Open311Format format, Locale locale, String path) {
        ProblemException problem = asProblem(failure, path);
        int status = statusOf(problem.status());
        List<Open311Document.Fields> errors = new ArrayList<>();
        String description = problems.message(problem, locale);
        if (problem.fieldErrors().isEmpty()) {
            errors.add(error(status, description));
        }
        // One error per offending parameter: the specification allows several, and a form-based
        // client can show each next to its field.
        for (FieldError field : problem.fieldErrors()) {
            errors.add(error(status, field.field() + ": "
                    + messages.get(locale, "field." + field.code(), field.args().toArray())));
        }
        Response.ResponseBuilder response = Response.status(status)
                .entity(Open311Document.list("errors", "error", errors).write(format, mapper))
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        problem.headers().forEach((name, value) -> {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                response.header(name, value);
            }
        });
        return response.build();
    }

    private static Open311Document.Fields error(int code, String description) {
        return Open311Document.fields().put("code", code).put("description", description);
    }

    static int statusOf(int ours) {
        if (ours == 404 || ours == 429 || ours >= 500) {
            return ours;
        }
        if (ours == 401 || ours == 403) {
            return 403;
        }
        return 400;
    }

    private static ProblemException asProblem(Throwable failure, String path) {
        ProblemException mistake = ProblemMappers.clientMistake(failure);
        if (mistake != null) {
            return mistake;
        }
        LOG.errorf(failure, "Unexpected failure on %s", path);
        return new ProblemException(500, "internal-error");
    }
}
