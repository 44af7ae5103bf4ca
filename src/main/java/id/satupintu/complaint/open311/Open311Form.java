package id.satupintu.complaint.open311;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application/x-www-form-urlencoded body of {@code POST requests}, read here rather than by
 * the REST layer so that every mistake in it (wrong content type, broken percent-encoding, a NUL
 * character) is answered in GeoReport's error format. Attributes come as {@code attribute[code]=v},
 * and for a multivaluelist as {@code attribute[code][]=v1&attribute[code][]=v2}.
 */
final class Open311Form {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,100})\\](\\[\\])?");
    static final int MAX_PARAMETERS = 200;

    private final Map<String, String> values;
    private final Map<String, List<String>> attributes;

    private Open311Form(Map<String, String> values, Map<String, List<String>> attributes) {
        this.values = values;
        this.attributes = attributes;
    }

    /** Parses the body; fails with 400 when the content type is not a form or the body is malformed. */
    public static Open311Form parse(String contentType, String body) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ProblemException(400, "open311-form-expected");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String[] pairs = body == null || body.isEmpty() ? new String[0] : body.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw new ProblemException(400, "open311-form-too-many", MAX_PARAMETERS);
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (value.indexOf('\u0000') >= 0 || name.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of(name.replace("\u0000", ""), "invalid"));
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                attributes.computeIfAbsent(attribute.group(1), code -> new ArrayList<>()).add(value);
            } else {
                String earlier = values.get(name);
                if (earlier == null || earlier.isBlank()) {
                    values.put(name, value);
                } else if (!value.isBlank() && !value.equals(earlier)) {
                    // A single-valued parameter sent twice with two values is ambiguous: refuse rather than guess.
                    errors.add(FieldError.of(name, "open311-repeated"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Open311Form(values, attributes);
    }

    /**
     * The trimmed value, or null when absent or empty: the specification treats an empty optional
     * parameter exactly like a missing one.
     */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    /** attribute[code] values by code, in the order sent. */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new ProblemException(400, "open311-form-malformed");
        }
    }
}
