package id.satupintu.homevisit;

/** What the team reports after going out: served, not served (with the reason), or to come again. */
public enum VisitOutcome {
    DONE, FAILED, RESCHEDULED
}
