package id.satupintu.queue.ticket;

import java.util.Set;

public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CLOSED;

    /** Still occupying the citizen's one ticket per service. */
    public static final Set<TicketStatus> ACTIVE = Set.of(WAITING, CALLED, SERVING);
}
