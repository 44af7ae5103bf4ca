package id.satupintu.complaint.open311;

import id.satupintu.platform.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The query string of a GeoReport call. Optional parameters sent empty count as not sent, as the
 * specification's "Optional Arguments" demands; list parameters are comma-delimited and may also
 * be repeated ("can be declared multiple times, comma delimited").
 */
record Open311Query(MultivaluedMap<String, String> parameters, Locale locale) {

    static final int MAX_VALUE_LENGTH = 2000;

    /** The first non-empty value, trimmed, or null. */
    public String get(String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                if (value.length() > MAX_VALUE_LENGTH || value.indexOf('\u0000') >= 0) {
                    throw ProblemException.validation(name, "invalid");
                }
                return value.strip();
            }
        }
        return null;
    }

    /** Every comma-separated item of every value, trimmed, without empties and repeats. */
    public List<String> list(String name) {
        List<String> values = parameters.get(name);
        LinkedHashSet<String> items = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                if (value.length() > MAX_VALUE_LENGTH || value.indexOf('\u0000') >= 0) {
                    throw ProblemException.validation(name, "invalid");
                }
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
        }
        return new ArrayList<>(items);
    }

    /** A w3c date-time with its zone (2010-01-01T00:00:00Z); 400 for anything else. */
    public OffsetDateTime dateTime(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            // An unencoded '+' of an offset arrives as a space; read it as the client meant it.
            return OffsetDateTime.parse(value.replace(' ', '+'));
        } catch (DateTimeParseException malformed) {
            throw ProblemException.validation(name, "open311-datetime");
        }
    }

    public String jurisdiction() {
        return get("jurisdiction_id");
    }
}
