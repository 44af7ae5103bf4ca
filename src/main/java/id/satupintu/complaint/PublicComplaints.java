package id.satupintu.complaint;

import id.satupintu.complaint.filing.ComplaintCategories;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What anyone may know of complaints (the Open311 requests): never who reported them or how to
 * reach them, with the category names and the latest public response as status notes.
 */
@ApplicationScoped
public class PublicComplaints {

    @Inject
    ComplaintCategories categories;

    /** Public view of one complaint (Open311 GET requests/{id}); unknown and malformed codes are 404. */
    @WithSession
    public Uni<PublicComplaint> find(String trackingCode, Locale locale) {
        String code = ComplaintCodes.normalize(trackingCode);
        if (!ComplaintCodes.isWellFormed(code)) {
            return Uni.createFrom().failure(ProblemException.notFound("complaint", trackingCode));
        }
        return Complaint.<Complaint>find("trackingCode", code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("complaint", trackingCode))
                .flatMap(c -> views(List.of(c), locale)).map(list -> list.get(0));
    }

    /** The public list (Open311 GET requests), newest filing first, at most {@code limit}. */
    @WithSession
    public Uni<List<PublicComplaint>> list(PublicComplaintFilter filter, int limit, Locale locale) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.trackingCodes() != null && !filter.trackingCodes().isEmpty()) {
            hql.append(" and trackingCode in :codes");
            params.and("codes", filter.trackingCodes().stream().map(ComplaintCodes::normalize).toList());
        }
        if (filter.categoryCodes() != null && !filter.categoryCodes().isEmpty()) {
            hql.append(" and categoryCode in :categories");
            params.and("categories", filter.categoryCodes());
        }
        if (filter.siteCode() != null) {
            hql.append(" and siteCode = :site");
            params.and("site", filter.siteCode());
        }
        if (filter.from() != null) {
            hql.append(" and createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            hql.append(" and createdAt <= :to");
            params.and("to", filter.to());
        }
        if (filter.open() != null) {
            hql.append(filter.open() ? " and state not in :closed" : " and state in :closed");
            params.and("closed", List.of(ComplaintState.CLOSED, ComplaintState.REJECTED));
        }
        hql.append(" order by createdAt desc, id desc");
        return Complaint.<Complaint>find(hql.toString(), params).page(0, limit).list()
                .flatMap(rows -> views(rows, locale));
    }

    /** Public views with the category names and the latest public response as status notes. */
    private Uni<List<PublicComplaint>> views(List<Complaint> rows, Locale locale) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(c -> c.id).toList();
        return categories.list(locale).flatMap(all -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("select h.complaintId, h.note from ComplaintHistory h where h.id in "
                                + "(select max(x.id) from ComplaintHistory x where x.complaintId in ?1 "
                                + "and x.visibility = ?2 and x.note is not null and x.actorRole <> 'reporter' "
                                + "group by x.complaintId)", Object[].class)
                        .setParameter(1, ids).setParameter(2, Visibility.PUBLIC).getResultList())
                .map(notes -> {
                    Map<UUID, String> latest = new LinkedHashMap<>();
                    notes.forEach(row -> latest.put((UUID) row[0], (String) row[1]));
                    Map<String, String> names = new LinkedHashMap<>();
                    all.forEach(cat -> names.put(cat.code(), cat.name()));
                    return rows.stream().map(c -> view(c, names.get(c.categoryCode), latest.get(c.id))).toList();
                }));
    }

    /**
     * A confidential complaint shows only what it is about and how far it got: its text, where it
     * happened, its photo and the responses to it can each point to the one who reported it (the only
     * person at that counter at that hour), so none of them is public.
     */
    private static PublicComplaint view(Complaint c, String categoryName, String latestResponse) {
        boolean shown = c.reporterMode != ReporterMode.CONFIDENTIAL;
        return new PublicComplaint(c.trackingCode, c.kind, c.categoryCode, categoryName, c.state, c.state.isOpen(),
                shown ? statusNotes(c, latestResponse) : null, shown ? c.description : null, c.siteCode,
                c.forwardedTo != null ? c.forwardedTo : c.agencyCode, c.serviceCode,
                shown ? c.latitude : null, shown ? c.longitude : null, shown ? c.address : null,
                shown ? c.mediaUrl : null, c.dueOn, c.createdAt, c.updatedAt);
    }

    private static String statusNotes(Complaint c, String latestResponse) {
        String state = c.state.name() + (c.rejectReason == null ? "" : " (" + c.rejectReason.name() + ")");
        return latestResponse == null ? state : state + ": " + latestResponse;
    }
}
