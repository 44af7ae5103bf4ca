package id.satupintu.survey;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Name;

/**
 * What a counter tablet shows: the survey of the ticket its counter has just finished, with the ticket's number
 * so that the citizen in front of it knows it is theirs. {@code state} is the questionnaire's, OPEN.
 */
@Name("CounterSurvey")
public record CounterSurvey(String counterId, int counterNumber, String counterName, String ticketNumber,
                            OffsetDateTime finishedAt, String token, String state, Questionnaire questionnaire) {
}
