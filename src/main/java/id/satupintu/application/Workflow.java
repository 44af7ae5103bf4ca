package id.satupintu.application;

import static id.satupintu.application.ApplicationState.APPROVED;
import static id.satupintu.application.ApplicationState.DEEMED_APPROVED;
import static id.satupintu.application.ApplicationState.DRAFT;
import static id.satupintu.application.ApplicationState.IN_TECHNICAL_REVIEW;
import static id.satupintu.application.ApplicationState.IN_VERIFICATION;
import static id.satupintu.application.ApplicationState.PERMIT_ISSUED;
import static id.satupintu.application.ApplicationState.REJECTED;
import static id.satupintu.application.ApplicationState.RETURNED_FOR_REVISION;
import static id.satupintu.application.ApplicationState.SUBMITTED;
import static id.satupintu.application.ApplicationState.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The application workflow as one table: each action, the states it may start from, the state it
 * leads to and who may take it. Nothing else in the code decides whether a move is allowed.
 */
public final class Workflow {

    /** Who may take an action. */
    public enum Actor {
        /** The applicant (see {@link ApplicationAccess#actsForApplicant}). */
        APPLICANT,
        /** An officer or supervisor of the application's agency, or an administrator. */
        STAFF,
        /** The service itself (deemed approval when the SLA passes); never a request. */
        SYSTEM
    }

    public record Transition(String action, Set<ApplicationState> from, ApplicationState to, Actor actor,
                             boolean reasonRequired, boolean noteRequired) {
    }

    private static final Set<ApplicationState> UNDECIDED = EnumSet.of(SUBMITTED, IN_VERIFICATION, IN_TECHNICAL_REVIEW);

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition("submit", EnumSet.of(DRAFT), SUBMITTED, Actor.APPLICANT, false, false),
            new Transition("resubmit", EnumSet.of(RETURNED_FOR_REVISION), SUBMITTED, Actor.APPLICANT, false, false),
            new Transition("withdraw", EnumSet.of(DRAFT, SUBMITTED, IN_VERIFICATION, RETURNED_FOR_REVISION,
                    IN_TECHNICAL_REVIEW), WITHDRAWN, Actor.APPLICANT, false, false),
            new Transition("start-verification", EnumSet.of(SUBMITTED), IN_VERIFICATION, Actor.STAFF, false, false),
            // The applicant must learn what to fix, so a return always carries a note.
            new Transition("return", EnumSet.of(IN_VERIFICATION, IN_TECHNICAL_REVIEW), RETURNED_FOR_REVISION,
                    Actor.STAFF, false, true),
            new Transition("verify", EnumSet.of(IN_VERIFICATION), IN_TECHNICAL_REVIEW, Actor.STAFF, false, false),
            new Transition("approve", EnumSet.of(IN_TECHNICAL_REVIEW), APPROVED, Actor.STAFF, false, false),
            new Transition("reject", UNDECIDED, REJECTED, Actor.STAFF, true, false),
            new Transition("issue-permit", EnumSet.of(APPROVED, DEEMED_APPROVED), PERMIT_ISSUED, Actor.STAFF, false, false),
            new Transition("deem-approve", UNDECIDED, DEEMED_APPROVED, Actor.SYSTEM, true, false));

    private static final Map<String, Transition> BY_ACTION = TRANSITIONS.stream()
            .collect(Collectors.toUnmodifiableMap(Transition::action, Function.identity()));

    private Workflow() {
    }

    public static Optional<Transition> find(String action) {
        return Optional.ofNullable(action).map(BY_ACTION::get);
    }

    /** The actions an actor may take from a state, e.g. to show the buttons a client may offer. */
    public static List<String> actionsFrom(ApplicationState state, Set<Actor> actors) {
        return TRANSITIONS.stream().filter(t -> t.from().contains(state) && actors.contains(t.actor()))
                .map(Transition::action).toList();
    }
}
