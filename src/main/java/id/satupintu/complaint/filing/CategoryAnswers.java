package id.satupintu.complaint.filing;

import static id.satupintu.complaint.FieldChecks.isDateTime;
import static id.satupintu.complaint.FieldChecks.isNumber;

import id.satupintu.platform.error.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A complaint's answers to its category's extra questions (Open311 attributes). */
final class CategoryAnswers {

    static final int ATTRIBUTE_MAX = 500;

    private CategoryAnswers() {
    }

    /** The answers to the category's extra questions: known codes only, required ones present, numbers numeric. */
    static Map<String, Object> check(ComplaintCategory category, Map<String, Object> given, List<FieldError> errors) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, ComplaintCategory.Attribute> known = new LinkedHashMap<>();
        category.attributes().forEach(a -> known.put(a.code(), a));
        for (var entry : values.entrySet()) {
            String field = "attributes." + entry.getKey();
            ComplaintCategory.Attribute attribute = known.get(entry.getKey());
            Object value = entry.getValue();
            if (attribute == null) {
                errors.add(FieldError.of(field, "unknown-field"));
            } else if (value == null) {
                continue;
            } else if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                errors.add(FieldError.of(field, "wrong-type"));
            } else if (String.valueOf(value).length() > ATTRIBUTE_MAX) {
                errors.add(FieldError.of(field, "max-length", ATTRIBUTE_MAX));
            } else if ("number".equals(attribute.datatype()) && !isNumber(value)) {
                errors.add(FieldError.of(field, "wrong-type"));
            } else if ("datetime".equals(attribute.datatype()) && !isDateTime(value)) {
                errors.add(FieldError.of(field, "invalid-format"));
            } else {
                kept.put(entry.getKey(), value);
            }
        }
        for (ComplaintCategory.Attribute attribute : category.attributes()) {
            if (attribute.required() && values.get(attribute.code()) == null) {
                errors.add(FieldError.of("attributes." + attribute.code(), "required"));
            }
        }
        return kept;
    }
}
