package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;
import org.eclipse.microprofile.graphql.Input;

/** A workflow step asked for over REST or GraphQL; see {@link Workflow#TRANSITIONS} for the actions. */
@Input("TransitionInput")
public record TransitionInput(String action, String note, Visibility noteVisibility, String reason) {

    Visibility visibility() {
        return noteVisibility == null ? Visibility.PUBLIC : noteVisibility;
    }
}
