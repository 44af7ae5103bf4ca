package id.satupintu.survey;

import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** An answer to a survey over GraphQL: the REST body, with GraphQL's own Int checking the numbers first. */
@Input("SurveySubmission")
public record SurveySubmission(List<Score> answers, Respondent respondent, String suggestion) {

    @Input("SurveyScoreInput")
    public record Score(Integer element, Integer score) {
    }

    @Input("SurveyRespondentInput")
    public record Respondent(String sex, Integer age, String education, String occupation) {
    }

    SurveyResponseInput toInput() {
        return new SurveyResponseInput(answers == null ? null : answers.stream()
                .map(a -> a == null ? null : new SurveyResponseInput.AnswerInput(a.element(), a.score())).toList(),
                respondent == null ? null : new SurveyResponseInput.Respondent(respondent.sex(), respondent.age(),
                        respondent.education(), respondent.occupation()),
                suggestion);
    }
}
