package id.satupintu.catalog;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading and bounding the dates clients send to the calendar. */
public final class CalendarDates {

    /** Years the calendar accepts; outside them a date is almost certainly a typo. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private CalendarDates() {
    }

    /** An ISO date (2026-03-20), or null when absent; anything else is a field error on {@code field}. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            checkYear(field, date.getYear());
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "invalid-date");
        }
    }

    /** An ISO-8601 instant with an offset (2026-03-17T23:30:00Z, 2026-03-18T06:30:00+07:00), or null. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.strip());
            checkYear(field, parsed.getYear());
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "invalid-instant");
        }
    }

    /** A whole number that must be present. */
    public static int requiredInt(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.validation(field, "required");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.validation(field, "wrong-type");
        }
    }

    public static void checkYear(String field, int year) {
        FieldError error = yearError(field, year);
        if (error != null) {
            throw ProblemException.validation(List.of(error));
        }
    }

    public static FieldError yearError(String field, int year) {
        return year < FIRST_YEAR || year > LAST_YEAR
                ? FieldError.of(field, "year-out-of-range", FIRST_YEAR, LAST_YEAR)
                : null;
    }
}
