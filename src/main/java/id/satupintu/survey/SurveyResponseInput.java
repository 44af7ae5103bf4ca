package id.satupintu.survey;

import java.util.List;

/**
 * An answer to a survey. {@code element}, {@code score} and {@code age} are read as whatever JSON holds and
 * checked in {@link SurveyAnswers}: bound to int, 2.5 or "3" would be quietly turned into a score.
 */
public record SurveyResponseInput(List<AnswerInput> answers, Respondent respondent, String suggestion) {

    public record AnswerInput(Object element, Object score) {
    }

    public record Respondent(String sex, Object age, String education, String occupation) {
    }
}
