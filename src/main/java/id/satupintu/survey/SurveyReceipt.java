package id.satupintu.survey;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Name;

/** What an accepted answer returns: the invitation is now ANSWERED. */
@Name("SurveyReceipt")
public record SurveyReceipt(String state, OffsetDateTime answeredAt) {
}
