package id.satupintu.application;

import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Separation of duties (four eyes), where the service standard asks for it ({@code separateDuties}, on by
 * default for perizinan): no one account can carry a file from the counter to a valid permit.
 * <ul>
 * <li>The member of staff who prepared a file on the applicant's behalf (filed it, last edited it,
 * uploaded a document for it or submitted it) takes none of its staff steps: another officer verifies
 * and decides what a colleague typed in.</li>
 * <li>Approval and issuance need someone other than the one who verified the file (the last
 * {@code verify} step in the history).</li>
 * </ul>
 * The service's own steps (deemed approval by law) are outside the rule.
 */
@ApplicationScoped
public class DutySeparation {

    static final String PREPARER = "preparer-cannot-decide";
    static final String VERIFIER = "verifier-cannot-decide";
    /** The steps a verifier may not also take. */
    private static final Set<String> AFTER_VERIFICATION = Set.of("approve", "issue-permit");

    @Inject
    ServiceCatalog catalog;

    /**
     * Remembers who prepares a file staff filed for a citizen: every staff action taken as the applicant
     * calls this, so the mark is always the latest hand that shaped the file.
     */
    public static void notePreparer(Caller caller, Application app) {
        if (app.submitterKind == Application.SubmitterKind.STAFF && caller.isStaff()) {
            app.preparedBy = caller.id();
        }
    }

    /** Refuses (403 preparer-cannot-decide, verifier-cannot-decide) a staff step the rule keeps from this caller. */
    Uni<Void> check(Caller caller, Application app, Workflow.Transition transition) {
        if (transition.actor() != Workflow.Actor.STAFF) {
            return Uni.createFrom().voidItem();
        }
        return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
            if (!standard.separatesDuties()) {
                return Uni.createFrom().voidItem();
            }
            if (caller.id().equals(app.preparedBy)) {
                throw new ProblemException(403, PREPARER, transition.action());
            }
            if (!AFTER_VERIFICATION.contains(transition.action())) {
                return Uni.createFrom().voidItem();
            }
            return ApplicationHistory.<ApplicationHistory>find(
                            "applicationId = ?1 and action = 'verify' order by id desc", app.id)
                    .firstResult()
                    .map(verified -> {
                        if (verified != null && caller.id().equals(verified.actorId)) {
                            throw new ProblemException(403, VERIFIER, transition.action());
                        }
                        return null;
                    });
        });
    }
}
