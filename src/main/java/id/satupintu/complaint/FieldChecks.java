package id.satupintu.complaint;

import id.satupintu.platform.error.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generic checks of input fields (blank, length, web address, e-mail, number, date-time), not
 * complaint rules. Filing and handling both use them, so they sit here, once, until form validation
 * is one mechanism for every feature.
 */
public final class FieldChecks {

    static final int URL_MAX = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private FieldChecks() {
    }

    public static boolean isWebUrl(String text) {
        if (text.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(text.trim());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }

    public static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        try {
            new java.math.BigDecimal(String.valueOf(value).trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static boolean isDateTime(Object value) {
        try {
            OffsetDateTime.parse(String.valueOf(value).trim());
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(String.valueOf(value).trim());
                return true;
            } catch (DateTimeParseException notADate) {
                return false;
            }
        }
    }

    public static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "max-length", max));
        }
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public static String trimToNull(String text) {
        return blank(text) ? null : text.trim();
    }
}
