package id.satupintu.platform.error;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks answers to typed questions: an application's form against its standard's fields, a
 * complaint's extra answers against its category's questions. Each kind of question says what an
 * answer of its type must be; the rules around them are the same everywhere: a name no question asks
 * is an unknown field, an unanswered question is skipped (and, when required and the answers are
 * meant to be complete, missing), and every other answer is checked against its question. Errors
 * name {@code <prefix>.<question>}: the unknown names first, in the order given, then the questions'
 * errors in the questions' order.
 */
public final class Answers {

    /** A question with a name and a type. */
    public interface Question {

        String name();

        /** Whether a complete set of answers must answer it. */
        boolean mandatory();

        /** Whether a value counts as no answer at all. */
        boolean unanswered(Object value);

        /** What is wrong with an answer, as an error on {@code field}; null when it is a valid answer. */
        FieldError check(String field, Object answer);
    }

    private Answers() {
    }

    /**
     * Adds the errors of the answers to {@code errors} and returns the valid answers, in the order given.
     * {@code complete}: whether unanswered mandatory questions are errors (a draft may leave them open).
     */
    public static Map<String, Object> check(String prefix, List<? extends Question> questions,
                                            Map<String, Object> answers, boolean complete, List<FieldError> errors) {
        Set<String> asked = new HashSet<>();
        questions.forEach(question -> asked.add(question.name()));
        for (String name : answers.keySet()) {
            if (!asked.contains(name)) {
                errors.add(FieldError.of(prefix + "." + name, "unknown-field"));
            }
        }
        Set<String> invalid = new HashSet<>();
        for (Question question : questions) {
            String field = prefix + "." + question.name();
            Object answer = answers.get(question.name());
            if (question.unanswered(answer)) {
                if (complete && question.mandatory()) {
                    errors.add(FieldError.of(field, "required"));
                }
                invalid.add(question.name());
                continue;
            }
            FieldError error = question.check(field, answer);
            if (error != null) {
                errors.add(error);
                invalid.add(question.name());
            }
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        answers.forEach((name, answer) -> {
            if (asked.contains(name) && !invalid.contains(name)) {
                valid.put(name, answer);
            }
        });
        return valid;
    }
}
