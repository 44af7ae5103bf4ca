package id.satupintu.complaint;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the reporter and the handling staff read of complaints: one complaint, its history, its
 * event stream, the reporter's own list and the handling list. REST and GraphQL call these with the
 * caller (null when nobody signed in) and, for an anonymous reporter, the secret.
 */
@ApplicationScoped
class ComplaintReads {

    @Inject
    ComplaintViews views;

    @WithSession
    public Uni<ComplaintView> find(Caller caller, String trackingCode, String secret) {
        return ComplaintLookup.readable(caller, secret, trackingCode).flatMap(c -> views.view(caller, secret, c));
    }

    /** The history, oldest first; internal notes and staff ids for staff only. */
    @WithSession
    public Uni<List<ComplaintHistoryEntry>> history(Caller caller, String trackingCode, String secret) {
        return ComplaintLookup.readable(caller, secret, trackingCode).flatMap(c -> {
            boolean staff = ComplaintAccess.isStaff(caller, c);
            boolean identity = ComplaintAccess.seesIdentity(caller, secret, c);
            return ComplaintHistory.<ComplaintHistory>find("complaintId = ?1 order by id", c.id).list()
                    .map(list -> list.stream().filter(h -> staff || h.visibility == Visibility.PUBLIC)
                            .map(h -> ComplaintHistoryEntry.of(h, staff, identity)).toList());
        });
    }

    /** The event stream of a complaint the caller may read, for SSE and subscriptions. */
    @WithSession
    public Uni<String> streamOf(Caller caller, String trackingCode, String secret) {
        return ComplaintLookup.readable(caller, secret, trackingCode).map(Complaint::stream);
    }

    /** The caller's own complaints (a citizen's, or an API client's filings), newest change first. */
    @WithSession
    public Uni<Page<ComplaintSummary>> mine(Caller caller, String cursor, int limit) {
        if (caller.client() ? !caller.hasScope(Scopes.COMPLAINTS_WRITE) : !caller.isCitizen()) {
            throw ProblemException.forbidden();
        }
        StringBuilder hql = new StringBuilder(caller.client() ? "filedByClient = :me" : "reporterId = :me");
        Parameters params = Parameters.with("me", caller.id());
        return pageByUpdate(hql, params, cursor, limit);
    }

    /**
     * The handling list. The site's desk sees its site's complaints (an admin names a site or sees
     * all); agency staff see what is forwarded to their agency. No reporter identity in any line.
     */
    @WithSession
    public Uni<Page<ComplaintSummary>> list(Caller caller, ComplaintFilter filter, String cursor, int limit) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.client()) {
            throw ProblemException.forbidden();
        } else if (caller.hasRole(Roles.ADMIN)) {
            if (filter.siteCode() != null) {
                hql.append(" and siteCode = :site");
                params.and("site", filter.siteCode());
            }
        } else if (ComplaintAccess.isDeskOf(caller, caller.siteCode())) {
            if (filter.siteCode() != null && !filter.siteCode().equals(caller.siteCode())) {
                throw ProblemException.forbidden();
            }
            hql.append(" and siteCode = :site");
            params.and("site", caller.siteCode());
        } else if (caller.agencyCode() != null && caller.hasAnyRole(Roles.OFFICER, Roles.SUPERVISOR)) {
            hql.append(" and forwardedTo = :agency");
            params.and("agency", caller.agencyCode());
        } else {
            throw ProblemException.forbidden();
        }
        if (filter.state() != null) {
            hql.append(" and state = :state");
            params.and("state", filter.state());
        }
        if (filter.kind() != null) {
            hql.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.categoryCode() != null) {
            hql.append(" and categoryCode = :category");
            params.and("category", filter.categoryCode());
        }
        if (filter.agencyCode() != null) {
            hql.append(" and forwardedTo = :forwardedTo");
            params.and("forwardedTo", filter.agencyCode());
        }
        if (filter.late() != null) {
            hql.append(filter.late() ? " and lateAt is not null" : " and lateAt is null");
        }
        return pageByUpdate(hql, params, cursor, limit);
    }

    private static Uni<Page<ComplaintSummary>> pageByUpdate(StringBuilder hql, Parameters params, String cursor,
                                                            int limit) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(cursor);
        return Complaint.<Complaint>find(Cursor.newestUpdatedFirst(hql, params, after), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, c -> Cursor.encode(c.updatedAt.toString(), c.id.toString()))
                        .map(ComplaintSummary::of));
    }
}
