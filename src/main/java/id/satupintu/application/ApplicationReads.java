package id.satupintu.application;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading applications: one in detail, its history, its event stream, the caller's own list, and the
 * public status. REST and GraphQL both call these methods with the {@link Caller}; who may read what
 * is {@link ApplicationAccess}'s rule, applied by {@link ApplicationLookup}.
 */
@ApplicationScoped
public class ApplicationReads {

    @Inject
    ApplicationLookup lookup;

    @Inject
    ApplicationViews views;

    @Inject
    ApplicationStatusReader statusReader;

    @WithSession
    Uni<ApplicationView> find(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return lookup.readable(caller, trackingNumber).flatMap(app -> views.of(app, caller));
    }

    /** The public status; unknown and malformed numbers are both 404. One SQL statement, see the reader. */
    Uni<ApplicationStatus> status(String trackingNumber) {
        return statusReader.read(trackingNumber);
    }

    @WithSession
    Uni<List<HistoryEntry>> history(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return lookup.readable(caller, trackingNumber).flatMap(app -> {
            boolean staffView = ApplicationAccess.isAgencyStaff(caller, app);
            return ApplicationHistory.<ApplicationHistory>find("applicationId = ?1 order by id", app.id).list()
                    .map(list -> list.stream().map(h -> HistoryEntry.of(h, staffView)).toList());
        });
    }

    /**
     * An application the caller acts for as its applicant, for another feature that links to it (a
     * complaint about a stuck permit); anyone else's, or an unknown number, is 404.
     */
    @WithSession
    public Uni<ApplicationSummary> ownedBy(Caller caller, String trackingNumber) {
        return lookup.byNumber(trackingNumber).map(app -> {
            if (app == null || !ApplicationAccess.actsForApplicant(caller, app)) {
                throw ProblemException.notFound("application", trackingNumber);
            }
            return ApplicationSummary.of(app);
        });
    }

    /**
     * The histories of several applications in two queries, for GraphQL lists; keyed by tracking
     * number, only for those the caller may read, each seen as {@link #history} would show it.
     */
    @WithSession
    Uni<Map<String, List<HistoryEntry>>> histories(Caller caller, List<String> trackingNumbers) {
        return lookup.readableAll(caller, trackingNumbers).flatMap(apps -> apps.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : ApplicationHistory.<ApplicationHistory>find("applicationId in ?1 order by id",
                        apps.stream().map(a -> a.id).toList()).list().map(rows -> {
                    Map<UUID, Application> byId = new HashMap<>();
                    apps.forEach(a -> byId.put(a.id, a));
                    Map<String, List<HistoryEntry>> result = new HashMap<>();
                    apps.forEach(a -> result.put(a.trackingNumber, new ArrayList<>()));
                    for (ApplicationHistory h : rows) {
                        Application app = byId.get(h.applicationId);
                        result.get(app.trackingNumber).add(HistoryEntry.of(h, ApplicationAccess.isAgencyStaff(caller, app)));
                    }
                    return result;
                }));
    }

    /** The event stream of an application the caller may read, for SSE and subscriptions. */
    @WithSession
    Uni<String> streamOf(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return lookup.readable(caller, trackingNumber).map(Application::stream);
    }

    /**
     * The caller's own applications (a citizen's, or an integrator's filings), most recently changed
     * first, optionally only those changed after {@code updatedSince}, for a client's sync.
     */
    @WithSession
    Uni<Page<ApplicationSummary>> mine(Caller caller, String cursor, int limit, OffsetDateTime updatedSince) {
        if (!caller.isCitizen() && !caller.hasRole(Roles.INTEGRATOR)) {
            throw ProblemException.forbidden();
        }
        caller.requireScope(Scopes.APPLICATIONS_READ);
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(cursor);
        StringBuilder hql = new StringBuilder(caller.isCitizen() ? "applicantId = :me" : "submittedBy = :me");
        Parameters params = Parameters.with("me", caller.id());
        if (updatedSince != null) {
            hql.append(" and updatedAt > :since");
            params.and("since", updatedSince);
        }
        return Application.<Application>find(Cursor.newestUpdatedFirst(hql, params, after), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, a -> Cursor.encode(a.updatedAt.toString(), a.id.toString()))
                        .map(ApplicationSummary::of));
    }
}
