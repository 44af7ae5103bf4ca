package id.satupintu.application.assignment;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationState;
import id.satupintu.application.ApplicationSummary;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The officer work queue: an agency's applications, the closest to breaking its SLA first
 * (deadline, then id). Staff see their own agency's (agency may be omitted), admins name one.
 */
@ApplicationScoped
public class WorkQueue {

    /**
     * What to list. {@code state} null: what waits for the agency. {@code assignedTo}: "me", "unassigned"
     * or an officer's id. {@code breached}: only (or no) applications whose deadline has passed.
     */
    public record Filter(String agency, ApplicationState state, String service, Boolean breached, String assignedTo) {
    }

    /** Applications waiting for the agency, when no state is asked for. */
    private static final List<ApplicationState> AGENCYS_TURN = List.of(ApplicationState.SUBMITTED,
            ApplicationState.IN_VERIFICATION, ApplicationState.IN_TECHNICAL_REVIEW, ApplicationState.APPROVED,
            ApplicationState.DEEMED_APPROVED);
    /** Sorts applications without a deadline last. */
    private static final LocalDate NO_DEADLINE = LocalDate.of(9999, 12, 31);
    static final String ME = "me";
    static final String UNASSIGNED = "unassigned";

    @WithSession
    public Uni<Page<ApplicationSummary>> list(Caller caller, Filter filter, String cursor, int limit) {
        String agency = agencyOf(caller, filter.agency());
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder hql = new StringBuilder("agencyCode = :agency and state in :states");
        Parameters params = Parameters.with("agency", agency)
                .and("states", filter.state() == null ? AGENCYS_TURN : List.of(filter.state())).and("far", NO_DEADLINE);
        if (filter.service() != null && !filter.service().isBlank()) {
            hql.append(" and serviceCode = :service");
            params.and("service", filter.service());
        }
        if (filter.breached() != null) {
            hql.append(filter.breached() ? " and slaBreachedAt is not null" : " and slaBreachedAt is null");
        }
        if (filter.assignedTo() != null && !filter.assignedTo().isBlank()) {
            UUID assignee = assignee(caller, filter.assignedTo().trim());
            if (assignee == null) {
                hql.append(" and assignedTo is null");
            } else {
                hql.append(" and assignedTo = :assignee");
                params.and("assignee", assignee);
            }
        }
        if (!after.isEmpty()) {
            LocalDate deadline;
            UUID id;
            try {
                deadline = LocalDate.parse(after.get(0));
                id = UUID.fromString(after.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new ProblemException(400, "invalid-cursor");
            }
            hql.append(" and (coalesce(deadline, :far) > :deadline or (coalesce(deadline, :far) = :deadline and id > :id))");
            params.and("deadline", deadline).and("id", id);
        }
        hql.append(" order by coalesce(deadline, :far), id");
        return Application.<Application>find(hql.toString(), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, a -> Cursor.encode(
                        (a.deadline == null ? NO_DEADLINE : a.deadline).toString(), a.id.toString()))
                        .map(a -> ApplicationSummary.of(a, true)));
    }

    /** Staff list their own agency's queue; an admin names the agency. */
    private static String agencyOf(Caller caller, String asked) {
        if (caller.hasRole(Roles.ADMIN)) {
            if (asked == null || asked.isBlank()) {
                throw ProblemException.validation("agency", "required");
            }
            return asked;
        }
        if (!caller.isStaff() || caller.agencyCode() == null) {
            throw ProblemException.forbidden();
        }
        if (asked == null || asked.isBlank()) {
            return caller.agencyCode();
        }
        if (!asked.equals(caller.agencyCode())) {
            throw ProblemException.forbidden();
        }
        return asked;
    }

    /** "me", "unassigned" (null) or an officer's id. */
    private static UUID assignee(Caller caller, String assignedTo) {
        if (UNASSIGNED.equals(assignedTo)) {
            return null;
        }
        String id = ME.equals(assignedTo) ? caller.id() : assignedTo;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // "me" for a caller without a stored account: nothing can be assigned to it.
            throw ProblemException.validation("assignedTo", "invalid-assignee", assignedTo);
        }
    }
}
