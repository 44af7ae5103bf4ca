package id.satupintu.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure. Services throw it with a stable code; the HTTP and GraphQL layers
 * turn it into a localized problem (RFC 9457) or a GraphQL error with the same code.
 * Titles and details live in {@code messages/<feature>_{id,en}.properties} under the code.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;
    /** HTTP headers the answer needs besides the body: Retry-After, WWW-Authenticate. */
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, List<FieldError> fieldErrors, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public int status() { return status; }
    public String code() { return code; }
    public Object[] args() { return args; }
    public List<FieldError> fieldErrors() { return fieldErrors; }
    public Map<String, String> headers() { return Map.copyOf(headers); }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, what + "-not-found", id);
    }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", errors);
    }

    public static ProblemException validation(String field, String code, Object... args) {
        return validation(List.of(FieldError.of(field, code, args)));
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, args);
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "forbidden");
    }
}
