package id.satupintu.complaint.handling;

import static id.satupintu.complaint.ComplaintState.ANSWERED;
import static id.satupintu.complaint.ComplaintState.CLOSED;
import static id.satupintu.complaint.ComplaintState.FORWARDED;
import static id.satupintu.complaint.ComplaintState.IN_FOLLOW_UP;
import static id.satupintu.complaint.ComplaintState.RECEIVED;
import static id.satupintu.complaint.ComplaintState.REJECTED;
import static id.satupintu.complaint.ComplaintState.RESOLVED;
import static id.satupintu.complaint.ComplaintState.VERIFIED;

import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.complaint.ComplaintState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The handling of a complaint as one table: each action, the states it may start from, where it
 * leads and who may take it. Nothing else decides whether a move is allowed.
 */
public final class ComplaintWorkflow {

    /** Who may take an action; see {@link ComplaintAccess}. */
    public enum Actor {
        /** The reporter: the citizen's account, the filing API client, or whoever holds code and secret. */
        REPORTER,
        /** The site's complaint desk: a supervisor of the complaint's site (not bound to an agency), or an admin. */
        DESK,
        /** An officer or supervisor of the agency the complaint was forwarded to. */
        AGENCY
    }

    /**
     * @param reasonRequired a free-text reason (reopen)
     * @param noteRequired   a public text the reporter reads (answer)
     */
    record Transition(String action, Set<ComplaintState> from, ComplaintState to, Set<Actor> actors,
                             boolean reasonRequired, boolean noteRequired) {
    }

    static final List<Transition> TRANSITIONS = List.of(
            new Transition("verify", EnumSet.of(RECEIVED), VERIFIED, EnumSet.of(Actor.DESK), false, false),
            // The kind of rejection is required (rejectReason); a public note explains it.
            new Transition("reject", EnumSet.of(RECEIVED, VERIFIED), REJECTED, EnumSet.of(Actor.DESK), false, false),
            // Forwarding again (the agency says it is not theirs) moves it to another agency and restarts its clock.
            new Transition("forward", EnumSet.of(VERIFIED, FORWARDED, IN_FOLLOW_UP), FORWARDED,
                    EnumSet.of(Actor.DESK), false, false),
            new Transition("start-follow-up", EnumSet.of(FORWARDED), IN_FOLLOW_UP, EnumSet.of(Actor.AGENCY), false, false),
            new Transition("answer", EnumSet.of(FORWARDED, IN_FOLLOW_UP), ANSWERED, EnumSet.of(Actor.AGENCY), false, true),
            new Transition("resolve", EnumSet.of(IN_FOLLOW_UP, ANSWERED), RESOLVED, EnumSet.of(Actor.AGENCY), false, true),
            new Transition("close", EnumSet.of(ANSWERED, RESOLVED), CLOSED, EnumSet.of(Actor.REPORTER, Actor.DESK),
                    false, false),
            // Once, within the reopen window (ComplaintConfig), with the reporter's reason.
            new Transition("reopen", EnumSet.of(ANSWERED, RESOLVED, CLOSED), IN_FOLLOW_UP, EnumSet.of(Actor.REPORTER),
                    true, false));

    private static final Map<String, Transition> BY_ACTION = TRANSITIONS.stream()
            .collect(Collectors.toUnmodifiableMap(Transition::action, Function.identity()));

    private ComplaintWorkflow() {
    }

    static Optional<Transition> find(String action) {
        return Optional.ofNullable(action).map(BY_ACTION::get);
    }

    /** The actions these actors may take from a state: the buttons a client may offer. */
    public static List<String> actionsFrom(ComplaintState state, Set<Actor> actors) {
        return TRANSITIONS.stream()
                .filter(t -> t.from().contains(state) && t.actors().stream().anyMatch(actors::contains))
                .map(Transition::action).toList();
    }
}
