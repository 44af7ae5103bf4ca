package id.satupintu.complaint;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint is in its handling; see {@link id.satupintu.complaint.handling.ComplaintWorkflow} for the moves between them. */
public enum ComplaintState {
    RECEIVED, VERIFIED, REJECTED, FORWARDED, IN_FOLLOW_UP, ANSWERED, RESOLVED, CLOSED;

    /** Waiting for the site's desk to verify and forward it: the verification deadline runs. */
    public static final Set<ComplaintState> VERIFY_STAGE = EnumSet.of(RECEIVED, VERIFIED);
    /** With the agency: the follow-up deadline runs. */
    public static final Set<ComplaintState> FOLLOW_UP_STAGE = EnumSet.of(FORWARDED, IN_FOLLOW_UP);
    /** The reporter has an answer; it may reopen within the window. */
    public static final Set<ComplaintState> SETTLED = EnumSet.of(ANSWERED, RESOLVED, CLOSED);

    /** Open311 knows only open and closed. */
    public boolean isOpen() {
        return this != REJECTED && this != CLOSED;
    }
}
