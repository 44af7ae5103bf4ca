package id.satupintu.application;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;

/**
 * Who may see and act on an application.
 * <ul>
 * <li>Read: the applicant, the agency's staff (officer, counter staff, supervisor), an administrator.
 * Anyone else, another agency's staff included, is told the application does not exist (404), so
 * tracking numbers cannot be probed.</li>
 * <li>Applicant actions (submit, resubmit, withdraw, edit a draft): the citizen's own account; the
 * integrator that filed it; for a file staff made on a citizen's behalf, front-office staff of the
 * agency (the citizen comes back to any counter of that agency, not to one clerk).</li>
 * <li>Staff actions: an officer or supervisor of the agency, or an administrator.</li>
 * </ul>
 */
public final class ApplicationAccess {

    private ApplicationAccess() {
    }

    static boolean canRead(Caller caller, Application app) {
        return caller.hasRole(Roles.ADMIN) || actsForApplicant(caller, app) || isAgencyStaff(caller, app);
    }

    static boolean isAgencyStaff(Caller caller, Application app) {
        return caller.hasRole(Roles.ADMIN) || (caller.isStaff() && app.agencyCode.equals(caller.agencyCode()));
    }

    public static boolean actsForApplicant(Caller caller, Application app) {
        return switch (app.submitterKind) {
            case CITIZEN -> caller.isCitizen() && caller.id().equals(app.applicantId);
            // A client rebound to another agency or site no longer reaches what it filed before.
            case INTEGRATOR -> caller.client() && caller.id().equals(app.submittedBy)
                    && caller.bindingCovers(app.agencyCode, app.siteCode);
            case STAFF -> caller.isStaff() && app.agencyCode.equals(caller.agencyCode())
                    && caller.hasAnyRole(Roles.COUNTER_STAFF, Roles.OFFICER, Roles.SUPERVISOR);
        };
    }

    public static boolean actsAsStaff(Caller caller, Application app) {
        return caller.hasRole(Roles.ADMIN) || (!caller.client() && app.agencyCode.equals(caller.agencyCode())
                && caller.hasAnyRole(Roles.OFFICER, Roles.SUPERVISOR));
    }

    static boolean may(Caller caller, Application app, Workflow.Actor actor) {
        return switch (actor) {
            case APPLICANT -> actsForApplicant(caller, app);
            case STAFF -> actsAsStaff(caller, app);
            case SYSTEM -> false;
        };
    }

    /** The role recorded in history for the caller acting as the given actor. */
    public static String roleOf(Caller caller, Workflow.Actor actor) {
        for (String role : new String[] {Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.COUNTER_STAFF,
                Roles.INTEGRATOR, Roles.CITIZEN}) {
            if (caller.hasRole(role) && (actor != Workflow.Actor.STAFF || !Roles.COUNTER_STAFF.equals(role))) {
                return role;
            }
        }
        return caller.roles().stream().sorted().findFirst().orElse("unknown");
    }
}
