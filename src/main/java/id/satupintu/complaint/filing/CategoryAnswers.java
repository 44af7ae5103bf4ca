package id.satupintu.complaint.filing;

import static id.satupintu.platform.error.InputValidator.isDateTime;
import static id.satupintu.platform.error.InputValidator.isNumber;

import id.satupintu.platform.error.Answers;
import id.satupintu.platform.error.FieldError;
import java.util.List;
import java.util.Map;

/** A complaint's answers to its category's extra questions (Open311 attributes). */
final class CategoryAnswers {

    static final int ATTRIBUTE_MAX = 500;

    private CategoryAnswers() {
    }

    /** The answers to the category's extra questions: known codes only, required ones present, numbers numeric. */
    static Map<String, Object> check(ComplaintCategory category, Map<String, Object> given, List<FieldError> errors) {
        return Answers.check("attributes", category.attributes().stream().map(AttributeQuestion::new).toList(),
                given == null ? Map.of() : given, true, errors);
    }

    /**
     * An extra question in Open311's datatypes: any scalar within the length limit, numbers and
     * date-times also as text (a form-encoded GeoReport request sends nothing else).
     */
    private record AttributeQuestion(ComplaintCategory.Attribute attribute) implements Answers.Question {

        @Override
        public String name() {
            return attribute.code();
        }

        @Override
        public boolean mandatory() {
            return attribute.required();
        }

        @Override
        public boolean unanswered(Object value) {
            return value == null;
        }

        @Override
        public FieldError check(String field, Object value) {
            if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                return FieldError.of(field, "wrong-type");
            } else if (String.valueOf(value).length() > ATTRIBUTE_MAX) {
                return FieldError.of(field, "max-length", ATTRIBUTE_MAX);
            } else if ("number".equals(attribute.datatype()) && !isNumber(value)) {
                return FieldError.of(field, "wrong-type");
            } else if ("datetime".equals(attribute.datatype()) && !isDateTime(value)) {
                return FieldError.of(field, "invalid-format");
            }
            return null;
        }
    }
}
