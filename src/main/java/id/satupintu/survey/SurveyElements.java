package id.satupintu.survey;

import id.satupintu.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The questionnaire of PermenPANRB 14/2017 (docs/api/surveys.md, the reference file skm-respondent.md): the
 * nine elements in the regulation's order, their questions and answer labels, and the respondent options. The
 * texts live in messages/survey_*.properties; the values accepted live here, the one place answers are checked
 * against.
 */
@ApplicationScoped
class SurveyElements {

    static final List<String> SEX = List.of("L", "P");
    static final List<String> EDUCATION = List.of("SD", "SMP", "SMA", "S1", "S2", "S3");
    static final List<String> OCCUPATION = List.of("PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA");
    static final int AGE_MIN = 10;
    static final int AGE_MAX = 120;

    @Inject
    Messages messages;

    List<Questionnaire.Element> elements(Locale locale) {
        List<Questionnaire.Element> elements = new ArrayList<>();
        for (int e = 1; e <= Ikm.ELEMENTS; e++) {
            List<Questionnaire.Answer> answers = new ArrayList<>();
            for (int score = 1; score <= 4; score++) {
                answers.add(new Questionnaire.Answer(score,
                        messages.get(locale, "survey.element." + e + ".answer." + score)));
            }
            elements.add(new Questionnaire.Element(e, name(locale, e),
                    messages.get(locale, "survey.element." + e + ".question"), answers));
        }
        return elements;
    }

    String name(Locale locale, int element) {
        return messages.get(locale, "survey.element." + element + ".name");
    }

    String gradeLabel(Locale locale, String grade) {
        return grade == null ? null : messages.get(locale, "survey.grade." + grade);
    }

    Questionnaire.Profile profile(Locale locale) {
        return new Questionnaire.Profile(choice(locale, "sex", SEX),
                new Questionnaire.AgeRange(messages.get(locale, "survey.field.age"), AGE_MIN, AGE_MAX),
                choice(locale, "education", EDUCATION), choice(locale, "occupation", OCCUPATION));
    }

    private Questionnaire.Choice choice(Locale locale, String field, List<String> values) {
        return new Questionnaire.Choice(messages.get(locale, "survey.field." + field), values.stream()
                .map(v -> new Questionnaire.Option(v, messages.get(locale, "survey." + field + "." + v))).toList());
    }
}
