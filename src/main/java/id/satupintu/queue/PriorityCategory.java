package id.satupintu.queue;

/** Citizens served ahead of the line (PermenPANRB on inclusive public service), or NONE. */
public enum PriorityCategory {
    NONE, DISABILITY, ELDERLY, PREGNANT, WITH_CHILDREN
}
