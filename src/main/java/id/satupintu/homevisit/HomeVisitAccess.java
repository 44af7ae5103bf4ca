package id.satupintu.homevisit;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;

/**
 * Who may see and act on a home visit, as for applications:
 * <ul>
 * <li>Read: the account that asked, the agency's staff, an administrator; anyone else, another agency's staff
 * included, is told it does not exist (404).</li>
 * <li>The requester confirms the day or asks for another.</li>
 * <li>The agency's supervisor plans visit days and puts requests on them.</li>
 * <li>The team of the visit's day (or the agency's supervisor) reports the outcome; only a team member opens the
 * application on site, since only they see the citizen's data in full.</li>
 * </ul>
 */
final class HomeVisitAccess {

    private HomeVisitAccess() {
    }

    static boolean isRequester(Caller caller, HomeVisit visit) {
        return !caller.client() && caller.id().equals(visit.requesterId());
    }

    static boolean isAgencyStaff(Caller caller, String agencyCode) {
        return caller.isStaff() && agencyCode.equals(caller.agencyCode());
    }

    static boolean isSupervisorOf(Caller caller, String agencyCode) {
        return !caller.client() && caller.hasRole(Roles.SUPERVISOR) && agencyCode.equals(caller.agencyCode());
    }

    /** On the team of the day the visit is on: the people who go to the door. */
    static boolean visits(Caller caller, HomeVisit visit) {
        return visit.visitDayId() != null && isAgencyStaff(caller, visit.agencyCode())
                && visit.members().contains(caller.id());
    }

    static HomeVisit requireReader(Caller caller, HomeVisit visit) {
        if (!caller.hasRole(Roles.ADMIN) && !isRequester(caller, visit) && !isAgencyStaff(caller, visit.agencyCode())) {
            throw ProblemException.notFound("home-visit", visit.id());
        }
        return visit;
    }

    static HomeVisit requireRequester(Caller caller, HomeVisit visit) {
        requireReader(caller, visit);
        if (!isRequester(caller, visit)) {
            throw ProblemException.forbidden();
        }
        return visit;
    }

    static HomeVisit requireSupervisor(Caller caller, HomeVisit visit) {
        requireReader(caller, visit);
        if (!isSupervisorOf(caller, visit.agencyCode())) {
            throw ProblemException.forbidden();
        }
        return visit;
    }

    static HomeVisit requireTeamOrSupervisor(Caller caller, HomeVisit visit) {
        requireReader(caller, visit);
        if (!visits(caller, visit) && !isSupervisorOf(caller, visit.agencyCode())) {
            throw new ProblemException(403, "home-visit-not-on-team");
        }
        return visit;
    }

    static HomeVisit requireTeam(Caller caller, HomeVisit visit) {
        requireReader(caller, visit);
        if (!visits(caller, visit)) {
            throw new ProblemException(403, "home-visit-not-on-team");
        }
        return visit;
    }
}
