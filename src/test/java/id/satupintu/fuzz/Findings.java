package id.satupintu.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the fuzzer found wrong, one example per operation and kind of fault, so a run reports every
 * broken operation at once instead of stopping at the first.
 */
final class Findings {

    /** A Java class or package name, or a stack frame, in what a client reads. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io\\.vertx|io\\.quarkus|io\\.smallrye|io\\.netty|org\\.hibernate|org\\.jboss"
                    + "|com\\.fasterxml|org\\.postgresql|graphql|id\\.satupintu)\\.[a-z]{1,40}\\.|\\bat [a-z]{1,40}\\.[a-zA-Z.$]{1,200}\\("
                    + "|\\b[A-Z][A-Za-z]{0,60}Exception\\b|\\bSRGQL\\d");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> found = new LinkedHashMap<>();
    private int checked;

    void add(String operation, String kind, String example) {
        found.putIfAbsent(operation + " — " + kind, example);
    }

    /** The checks every answer of the REST API and Open311 passes. */
    void checkRest(String operation, String example, int status, String contentType, String body, String path) {
        checked++;
        if (status >= 500) {
            add(operation, "5xx", example + " → " + status + " " + excerpt(body));
        }
        if (INTERNALS.matcher(body).find()) {
            add(operation, "internals in the answer", example + " → " + status + " " + excerpt(body));
        }
        if (status < 400 || status >= 500) {
            return;
        }
        if (body.length() > 16 * 1024) {
            add(operation, "4xx answer that echoes the input", example + " → " + status + ", " + body.length() + " characters");
        }
        if (path.startsWith("/open311")) {
            if (!geoReportError(body)) {
                add(operation, "4xx not a GeoReport error", example + " → " + status + " " + contentType + " " + excerpt(body));
            }
            return;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            add(operation, "4xx not problem+json", example + " → " + status + " " + contentType + " " + excerpt(body));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (!CODE.matcher(problem.path("code").asText()).matches() || problem.path("status").asInt() != status) {
                add(operation, "problem without a stable code or status", example + " → " + status + " " + excerpt(body));
            }
        } catch (Exception e) {
            add(operation, "problem+json that is not JSON", example + " → " + status + " " + excerpt(body));
        }
    }

    /** The checks every GraphQL answer passes: JSON, each error with a stable code and a 4xx status. */
    void checkGraphQL(String operation, String example, int status, String body) {
        checked++;
        if (status >= 500) {
            add(operation, "5xx", example + " → " + status + " " + excerpt(body));
        }
        if (INTERNALS.matcher(body).find()) {
            add(operation, "internals in the answer", example + " → " + status + " " + excerpt(body));
        }
        try {
            JsonNode answer = JSON.readTree(body);
            for (JsonNode error : answer.path("errors")) {
                if (error.path("message").asText().length() > 2000) {
                    add(operation, "GraphQL error that echoes the input", example + " → " + error.path("message").asText().length()
                            + " characters");
                }
                String code = error.path("extensions").path("code").asText();
                int errorStatus = error.path("extensions").path("status").asInt(0);
                if (!CODE.matcher(code).matches() || errorStatus >= 500 || errorStatus == 0) {
                    add(operation, "GraphQL error without a stable code or with a 5xx", example + " → " + excerpt(body));
                }
            }
        } catch (Exception e) {
            add(operation, "GraphQL answer that is not JSON", example + " → " + status + " " + excerpt(body));
        }
    }

    private static boolean geoReportError(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            return trimmed.contains("<errors>") && trimmed.contains("<code>") && trimmed.contains("<description>");
        }
        try {
            JsonNode errors = JSON.readTree(trimmed);
            return errors.isArray() && errors.size() > 0 && errors.get(0).has("code") && errors.get(0).has("description");
        } catch (Exception e) {
            return false;
        }
    }

    static String excerpt(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int checked() {
        return checked;
    }

    String report() {
        StringBuilder report = new StringBuilder(found.size() + " faults in " + checked + " answers:\n");
        found.forEach((what, example) -> report.append("- ").append(what).append(": ").append(example).append('\n'));
        return report.toString();
    }
}
