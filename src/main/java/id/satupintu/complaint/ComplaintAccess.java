package id.satupintu.complaint;

import id.satupintu.complaint.handling.ComplaintWorkflow;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and act on a complaint.
 * <ul>
 * <li>Reporter: the citizen's own account (identified or confidential), the API client that filed it,
 * or anyone presenting the tracking code with its secret (anonymous).</li>
 * <li>Desk: the complaint desk of the site, i.e. a supervisor bound to the site and to no agency,
 * and administrators. It verifies, rejects, forwards, and is the only staff that sees a
 * confidential reporter's identity.</li>
 * <li>Agency: officers and supervisors of the agency the complaint is forwarded to. They never see
 * a confidential reporter's identity, nor anything of a complaint before it reaches them.</li>
 * </ul>
 * Anyone else is told the complaint does not exist (404), so codes cannot be probed.
 */
public final class ComplaintAccess {

    private ComplaintAccess() {
    }

    public static boolean isReporter(Caller caller, String secret, Complaint complaint) {
        if (caller != null && !caller.client() && complaint.reporterId != null
                && complaint.reporterId.equals(caller.id())) {
            return true;
        }
        if (caller != null && caller.client() && caller.id().equals(complaint.filedByClient)) {
            return true;
        }
        return ComplaintCodes.secretMatches(secret, complaint.secretHash);
    }

    public static boolean isDesk(Caller caller, Complaint complaint) {
        if (caller == null || caller.client()) {
            return false;
        }
        return caller.hasRole(Roles.ADMIN) || (caller.hasRole(Roles.SUPERVISOR) && caller.agencyCode() == null
                && complaint.siteCode.equals(caller.siteCode()));
    }

    /** A desk member of the site (or an admin) regardless of a particular complaint. */
    public static boolean isDeskOf(Caller caller, String siteCode) {
        return caller != null && !caller.client() && (caller.hasRole(Roles.ADMIN)
                || (caller.hasRole(Roles.SUPERVISOR) && caller.agencyCode() == null && siteCode != null
                && siteCode.equals(caller.siteCode())));
    }

    static boolean isAgency(Caller caller, Complaint complaint) {
        return caller != null && !caller.client() && complaint.forwardedTo != null
                && complaint.forwardedTo.equals(caller.agencyCode())
                && caller.hasAnyRole(Roles.OFFICER, Roles.SUPERVISOR);
    }

    public static boolean isStaff(Caller caller, Complaint complaint) {
        return isDesk(caller, complaint) || isAgency(caller, complaint);
    }

    static boolean canRead(Caller caller, String secret, Complaint complaint) {
        return isReporter(caller, secret, complaint) || isStaff(caller, complaint);
    }

    /**
     * Whether the reader may know who reported: never for anonymous (nothing is kept); for a
     * confidential complaint the reporter and the desk only; an identified one also its agency.
     */
    public static boolean seesIdentity(Caller caller, String secret, Complaint complaint) {
        return switch (complaint.reporterMode) {
            case ANONYMOUS -> false;
            case CONFIDENTIAL -> isReporter(caller, secret, complaint) || isDesk(caller, complaint);
            case IDENTIFIED -> canRead(caller, secret, complaint);
        };
    }

    public static Set<ComplaintWorkflow.Actor> actorsOf(Caller caller, String secret, Complaint complaint) {
        Set<ComplaintWorkflow.Actor> actors = EnumSet.noneOf(ComplaintWorkflow.Actor.class);
        if (isReporter(caller, secret, complaint)) {
            actors.add(ComplaintWorkflow.Actor.REPORTER);
        }
        if (isDesk(caller, complaint)) {
            actors.add(ComplaintWorkflow.Actor.DESK);
        }
        if (isAgency(caller, complaint)) {
            actors.add(ComplaintWorkflow.Actor.AGENCY);
        }
        return actors;
    }

    /** The role recorded in history: "reporter" for the reporter, so no account id or role of theirs is shown. */
    public static String roleOf(Caller caller, ComplaintWorkflow.Actor actor) {
        if (actor == ComplaintWorkflow.Actor.REPORTER) {
            return "reporter";
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return Roles.ADMIN;
        }
        return caller.hasRole(Roles.SUPERVISOR) ? Roles.SUPERVISOR : Roles.OFFICER;
    }

    /** Who is recorded as acting for the reporter: their account, the filing client, or "anonymous". */
    public static String actorIdOf(Caller caller, Complaint c) {
        if (c.reporterMode == ReporterMode.ANONYMOUS) {
            return c.filedByClient != null ? c.filedByClient : "anonymous";
        }
        return caller == null ? "anonymous" : caller.id();
    }
}
