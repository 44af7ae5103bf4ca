package id.satupintu.application;

import java.util.EnumSet;
import java.util.Set;

/** Where an application is in its workflow; the allowed moves between states live in {@link Workflow}. */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    IN_VERIFICATION,
    RETURNED_FOR_REVISION,
    IN_TECHNICAL_REVIEW,
    APPROVED,
    PERMIT_ISSUED,
    REJECTED,
    WITHDRAWN,
    DEEMED_APPROVED;

    /** States the applicant may still edit the form in. */
    public static final Set<ApplicationState> EDITABLE = EnumSet.of(DRAFT, RETURNED_FOR_REVISION);

    /** States in which the SLA clock runs: the file is complete and the agency owes a decision. */
    public static final Set<ApplicationState> CLOCK_RUNNING = EnumSet.of(SUBMITTED, IN_VERIFICATION, IN_TECHNICAL_REVIEW);

    public boolean isFinal() {
        return this == PERMIT_ISSUED || this == REJECTED || this == WITHDRAWN;
    }
}
