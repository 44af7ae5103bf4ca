package id.satupintu.homevisit;

import java.util.Set;

/**
 * Where a home visit stands. REQUESTED, MOVE_ASKED (the citizen asked for another day) and RESCHEDULING (the
 * team could not visit and will come again) wait for the supervisor to put them on a visit day; SCHEDULED and
 * CONFIRMED hold a place on one; DONE and FAILED are final.
 */
public enum HomeVisitState {
    REQUESTED, SCHEDULED, CONFIRMED, MOVE_ASKED, RESCHEDULING, DONE, FAILED;

    /** Waiting for a visit day. */
    static final Set<HomeVisitState> SCHEDULABLE = Set.of(REQUESTED, MOVE_ASKED, RESCHEDULING);

    /** Holding a place on a visit day: the team may go. */
    static final Set<HomeVisitState> ON_A_DAY = Set.of(SCHEDULED, CONFIRMED);
}
