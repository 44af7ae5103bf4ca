package id.satupintu.platform.web;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters read strictly: JAX-RS answers a parameter that does not convert with a bare 404; these answer 400
 * with the parameter named as the offending field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code true}, {@code false}, or null when absent. */
    public static Boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ProblemException.validation(name, "invalid", value);
    }

    /** A constant of the enum by its exact name, or null when absent. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(name, "invalid", value);
        }
    }

    /** An ISO-8601 instant with offset that PostgreSQL can store ({@link Instants}), or null when absent. */
    public static OffsetDateTime parseInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instants.requireStorable(name, OffsetDateTime.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name, "invalid-format");
        }
    }

    /** An integer, or null when absent. */
    public static Integer parseInteger(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.validation(name, "invalid-format");
        }
    }

    /** An ISO date (2026-03-20), or null when absent; a malformed one is a 400 on {@code name}. */
    public static LocalDate parseDate(String name, String value) {
        List<FieldError> errors = new java.util.ArrayList<>(1);
        LocalDate date = date(name, value, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return date;
    }

    /**
     * An ISO date, or null when absent or malformed, the mistake added to {@code errors} (required when
     * absent, invalid-format when malformed) so that a query reports all its bad fields at once.
     */
    public static LocalDate date(String name, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(name, "required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "invalid-format"));
            return null;
        }
    }
}
