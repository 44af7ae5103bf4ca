package id.satupintu.complaint.handling;

import static id.satupintu.platform.error.InputValidator.blank;

import id.satupintu.catalog.SiteService;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A site's complaint desk: its live stream and its report of missed deadlines, for its supervisors and admins. */
@ApplicationScoped
public class ComplaintDesk {

    @Inject
    SiteService sites;

    /** The desk stream of a site, for its supervisors (and admins) only. */
    public Uni<String> deskStreamOf(Caller caller, String siteCode) {
        if (!ComplaintAccess.isDeskOf(caller, siteCode)) {
            return Uni.createFrom().failure(ProblemException.forbidden());
        }
        return sites.find(siteCode).map(site -> Complaint.deskStream(site.code()));
    }

    /**
     * "Which agencies break deadlines": per agency (null = the site's desk, for verification), how
     * many deadlines it missed at the site and how many of its complaints are late now, worst first.
     * For the site's desk and administrators.
     */
    @WithSession
    public Uni<List<AgencyDeadlineRecord>> deadlineRecord(Caller caller, String siteCode) {
        if (blank(siteCode)) {
            throw ProblemException.validation("site", "required");
        }
        if (!ComplaintAccess.isDeskOf(caller, siteCode)) {
            throw ProblemException.forbidden();
        }
        return sites.find(siteCode).flatMap(site -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select b.agency_code, count(*) as missed, "
                        + "count(*) filter (where c.late_at is not null and c.due_on = b.due_on) as late_now "
                        + "from complaint_breach b join complaint c on c.id = b.complaint_id where b.site_code = ?1 "
                        + "group by b.agency_code order by missed desc, late_now desc, b.agency_code nulls first",
                        Object[].class)
                .setParameter(1, siteCode).getResultList()))
                .map(rows -> rows.stream().map(row -> new AgencyDeadlineRecord((String) row[0],
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList());
    }
}
