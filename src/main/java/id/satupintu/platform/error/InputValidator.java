package id.satupintu.platform.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of input that a service runs rather than the REST layer, so REST, GraphQL and start-up
 * loaders all get the same field errors: Bean Validation (JSON paths such as
 * {@code standard.form[2].options}), and the generic checks of text fields (blank, length, web
 * address, e-mail, number, date-time, the note-length rule) that are no feature's rules.
 */
@ApplicationScoped
public class InputValidator {

    /**
     * The longest note or reason accepted, in characters: with a workflow step, an assignment, a
     * permit's revocation, a complaint's transition or response. Free text, kept whole in the history
     * (and, for a revocation, shown to verifiers).
     */
    public static final int NOTE_MAX_LENGTH = 2000;
    static final int WEB_URL_MAX = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    @Inject
    Validator validator;

    /** The constraint violations of input as field errors, sorted by field; a null input is one error. */
    public List<FieldError> violations(Object input, String nameIfNull) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            errors.add(FieldError.of(nameIfNull, "required"));
            return errors;
        }
        validator.validate(input).forEach(v -> errors.add(ProblemMappers.toFieldError(v)));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** Throws a validation problem when there are any errors. */
    public static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** A note or reason no longer than {@link #NOTE_MAX_LENGTH}. */
    public static void noteLength(List<FieldError> errors, String field, String value) {
        maxLength(errors, field, value, NOTE_MAX_LENGTH);
    }

    /** The note and reason of a step: neither too long, and each given when the step requires it. */
    public static void noteAndReason(List<FieldError> errors, String note, String reason, boolean noteRequired,
                                     boolean reasonRequired) {
        noteLength(errors, "note", note);
        noteLength(errors, "reason", reason);
        if (reasonRequired && blank(reason)) {
            errors.add(FieldError.of("reason", "required"));
        }
        if (noteRequired && blank(note)) {
            errors.add(FieldError.of("note", "required"));
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

    public static boolean isWebUrl(String text) {
        if (text.length() > WEB_URL_MAX) {
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
            new BigDecimal(String.valueOf(value).trim());
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
}
