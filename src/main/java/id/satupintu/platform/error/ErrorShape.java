package id.satupintu.platform.error;

import java.util.Locale;
import java.util.Map;

/**
 * The error body of a protocol that has one of its own, for the paths it owns: Open311 clients read
 * GeoReport's {@code {code, description}} list, not problem details. {@link ErrorAnswers} asks every
 * shape before writing problem+json, so an error raised anywhere (a resource, the REST layer, the HTTP
 * edge before any route) takes the shape of the path it happened on.
 */
public interface ErrorShape {

    /** Whether errors on this request path are this protocol's. */
    boolean owns(String path);

    /** The answer to send for a client mistake (or a server fault, status 5xx) on one of the shape's paths. */
    Rendered render(ProblemException problem, Locale locale, String path);

    /** An error answer as bytes: what both the REST layer and the HTTP edge send. */
    record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {
    }
}
