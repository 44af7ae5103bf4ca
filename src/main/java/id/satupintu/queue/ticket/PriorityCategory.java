package id.satupintu.queue.ticket;

/** Citizens served ahead of the line (PermenPANRB on inclusive public service), or NONE. */
public enum PriorityCategory {
    NONE, DISABILITY, ELDERLY, PREGNANT, WITH_CHILDREN
}
