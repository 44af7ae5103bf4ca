package id.satupintu.homevisit;

import org.eclipse.microprofile.graphql.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The team's report of a visit; a failed or rescheduled visit says why. */
@Name("OutcomeInput")
public record OutcomeInput(@NotNull VisitOutcome outcome, @Size(max = 1000) String reason) {
}
