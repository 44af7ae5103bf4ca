package id.satupintu.complaint.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.ErrorShape;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GeoReport v2's error shape for every error under /open311/v2, wherever it is raised: by the resource,
 * by the REST layer (405, 415), or by the HTTP edge before any route (400 for a broken URL, 413, 414, 431).
 * {@code <errors><error><code/><description/></error></errors>}, or a JSON array of {code, description},
 * as the last path segment's extension asks (XML, the one the specification requires, otherwise).
 * The status follows the specification: 404 for what does not exist, 403 for a missing or wrong api_key,
 * 400 for any other client mistake; ours stay where a client must act differently (405, 413, 414, 429
 * with Retry-After, 431, 5xx). The body's code is that status, which is what Open311 clients read.
 */
@ApplicationScoped
class Open311Errors implements ErrorShape {

    static final String ROOT = "/open311/v2";

    @Inject
    ObjectMapper mapper;

    @Inject
    ProblemFactory problems;

    @Inject
    Messages messages;

    @Override
    public boolean owns(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    @Override
    public Rendered render(ProblemException problem, Locale locale, String path) {
        return render(problem, formatOf(path), locale);
    }

    Rendered render(ProblemException problem, Open311Format format, Locale locale) {
        int status = statusOf(problem.status());
        List<Open311Document.Fields> errors = new ArrayList<>();
        if (problem.fieldErrors().isEmpty()) {
            errors.add(error(status, problems.message(problem, locale)));
        }
        // One error per offending parameter: the specification allows several, and a form-based
        // client can show each next to its field.
        for (FieldError field : problem.fieldErrors()) {
            errors.add(error(status, field.field() + ": "
                    + messages.get(locale, "field." + field.code(), field.args().toArray())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        problem.headers().forEach((name, value) -> {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                headers.put(name, value);
            }
        });
        return new Rendered(status, format.mediaType(),
                Open311Document.list("errors", "error", errors).write(format, mapper), headers);
    }

    /** The format the last path segment names; XML for none or one we do not speak, as the resource does. */
    static Open311Format formatOf(String path) {
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.toLowerCase(Locale.ROOT).endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
    }

    static int statusOf(int ours) {
        if (ours == 404 || ours == 405 || ours == 413 || ours == 414 || ours == 429 || ours == 431 || ours >= 500) {
            return ours;
        }
        if (ours == 401 || ours == 403) {
            return 403;
        }
        return 400;
    }

    private static Open311Document.Fields error(int code, String description) {
        return Open311Document.fields().put("code", code).put("description", description);
    }
}
