package id.satupintu.survey;

import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * A survey as the person answering it sees it: what it is about, the nine elements (unsur) with their question
 * and four answers scored 1 to 4, the respondent profile asked for (all optional), and the state of the
 * invitation (OPEN to answer; PENDING before the service ended; ANSWERED; EXPIRED).
 */
@Name("SurveyQuestionnaire")
public record Questionnaire(String state, Place site, Place agency, Place service, List<Element> elements,
                            Profile respondent, int suggestionMaxLength) {

    @Name("SurveyPlace")
    public record Place(String code, String name) {
    }

    @Name("SurveyElement")
    public record Element(int element, String name, String question, List<Answer> answers) {
    }

    @Name("SurveyAnswerOption")
    public record Answer(int score, String label) {
    }

    @Name("SurveyRespondentProfile")
    public record Profile(Choice sex, AgeRange age, Choice education, Choice occupation) {
    }

    @Name("SurveyChoice")
    public record Choice(String label, List<Option> options) {
    }

    @Name("SurveyOption")
    public record Option(String value, String label) {
    }

    @Name("SurveyAgeRange")
    public record AgeRange(String label, int min, int max) {
    }
}
