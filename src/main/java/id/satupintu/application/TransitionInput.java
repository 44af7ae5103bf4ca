package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;

/** A workflow step asked for over REST or GraphQL; see {@link Workflow#TRANSITIONS} for the actions. */
public record TransitionInput(String action, String note, Visibility noteVisibility, String reason) {

    Visibility visibility() {
        return noteVisibility == null ? Visibility.PUBLIC : noteVisibility;
    }
}
