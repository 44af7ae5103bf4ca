package id.satupintu.fuzz;

import java.util.List;

/**
 * The values a careless client or an attacker sends where the API expects something ordinary: missing
 * and empty, the wrong type, boundaries of numbers and of what PostgreSQL stores, huge, unicode, NUL,
 * injection-shaped text. Written once and used for path and query parameters, JSON fields, form fields
 * and GraphQL variables alike.
 */
final class Hostile {

    static final String HUGE = "A".repeat(100_000);

    /** Raw (already percent-encoded where needed) path segments. */
    static final List<String> PATH_SEGMENTS = List.of("x", "%00", "%E6%97%A5%F0%9F%99%82", "A".repeat(3000), "-1",
            "99999999999999999999999", "%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000",
            "%20", "null");

    /** Query parameter values, percent-encoded. */
    static final List<String> QUERY_VALUES = List.of("", "x", "%00", "-1", "0", "99999999999999999999999", "1e308",
            "2026-02-30", "%2B999999999-12-31T23%3A59%3A59Z", "-999999999-01-01T00%3A00%3A00Z", "1900-01-01T00%3A00%3A00Z",
            "%E6%97%A5%F0%9F%99%82", "A".repeat(5000), "true", "%5B%5D");

    /** JSON values (as JSON text) for a field of any type. */
    static final List<String> JSON_ANY = List.of("null", "{}", "[]", "true", "\"\"");

    /** JSON values for a string field. */
    static final List<String> JSON_STRING = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"" + HUGE + "\"",
            "\"日本語🙂\\ud83d\"", "\"<script>alert(1)</script>\"", "\"' OR '1'='1\"", "12345", "\"   \"");

    /** JSON values for a number field. */
    static final List<String> JSON_NUMBER = List.of("-1", "0", "2147483648", "9223372036854775808", "1e308", "-1e308",
            "1.5", "\"12\"", "\"abc\"");

    /** JSON values for a date or date-time field. */
    static final List<String> JSON_TIME = List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"2026-02-30\"", "\"2026-12-03T25:61:00Z\"", "\"1900-01-01T00:00:00Z\"", "\"294277-01-01T00:00:00Z\"",
            "\"kemarin\"", "20261203");

    /** Whole bodies where a JSON object is expected. */
    static final List<String> JSON_BODIES = List.of("", "{", "[]", "null", "1", "\"teks\"", "{\"a\":", "\u0000",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":" .repeat(3000) + "1" + "}".repeat(3000));

    private Hostile() {
    }
}
