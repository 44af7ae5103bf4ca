package id.satupintu.catalog;

import id.satupintu.platform.error.Answers;
import id.satupintu.platform.error.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks form data against the form of a standard version, as {@link Answers} to its fields. A draft
 * is checked for types and limits only; a submission must also have every required field. Errors
 * name {@code form.<field>}.
 */
public final class FormValidator {

    /** Limits for text fields whose standard sets no maxLength. */
    static final int STRING_MAX = 255;
    static final int TEXT_MAX = 10_000;

    private FormValidator() {
    }

    public static List<FieldError> check(ServiceStandard standard, Map<String, Object> form, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        List<FormField> fields = standard.form() == null ? List.of() : standard.form();
        Answers.check("form", fields.stream().map(FieldQuestion::new).toList(), form, complete, errors);
        return errors;
    }

    /** A field of the form as a question: a blank text or an empty choice is no answer. */
    private record FieldQuestion(FormField field) implements Answers.Question {

        @Override
        public String name() {
            return field.name();
        }

        @Override
        public boolean mandatory() {
            return Boolean.TRUE.equals(field.required());
        }

        @Override
        public boolean unanswered(Object value) {
            return value == null || (value instanceof String text && text.isBlank())
                    || (value instanceof List<?> list && list.isEmpty());
        }

        @Override
        public FieldError check(String path, Object value) {
            return checkValue(field, value, path);
        }
    }

    private static FieldError checkValue(FormField field, Object value, String path) {
        switch (field.type()) {
            case STRING, TEXT -> {
                if (!(value instanceof String text)) {
                    return FieldError.of(path, "wrong-type");
                }
                int max = field.maxLength() != null ? field.maxLength()
                        : field.type() == FormFieldType.STRING ? STRING_MAX : TEXT_MAX;
                return text.length() > max ? FieldError.of(path, "max-length", max) : null;
            }
            case NUMBER -> {
                if (!(value instanceof Number number) || value instanceof Boolean) {
                    return FieldError.of(path, "wrong-type");
                }
                BigDecimal decimal = new BigDecimal(number.toString());
                if (field.min() != null && decimal.compareTo(field.min()) < 0) {
                    return FieldError.of(path, "min", field.min());
                }
                if (field.max() != null && decimal.compareTo(field.max()) > 0) {
                    return FieldError.of(path, "max", field.max());
                }
                return null;
            }
            case DATE -> {
                if (!(value instanceof String text)) {
                    return FieldError.of(path, "wrong-type");
                }
                try {
                    LocalDate.parse(text);
                    return null;
                } catch (DateTimeParseException e) {
                    return FieldError.of(path, "invalid-date");
                }
            }
            case SINGLE_CHOICE -> {
                if (!(value instanceof String text)) {
                    return FieldError.of(path, "wrong-type");
                }
                return field.options().contains(text) ? null : FieldError.of(path, "not-an-option", text);
            }
            case MULTI_CHOICE -> {
                if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    return FieldError.of(path, "wrong-type");
                }
                Set<Object> seen = new HashSet<>();
                for (Object item : list) {
                    if (!field.options().contains(item)) {
                        return FieldError.of(path, "not-an-option", item);
                    }
                    if (!seen.add(item)) {
                        return FieldError.of(path, "duplicate");
                    }
                }
                return null;
            }
            default -> throw new IllegalStateException("form field type " + field.type());
        }
    }
}
