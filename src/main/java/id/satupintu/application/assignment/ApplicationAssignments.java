package id.satupintu.application.assignment;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationAccess;
import id.satupintu.application.ApplicationHistory;
import id.satupintu.application.ApplicationLookup;
import id.satupintu.application.ApplicationState;
import id.satupintu.application.ApplicationView;
import id.satupintu.application.ApplicationViews;
import id.satupintu.application.StepRecorder;
import id.satupintu.application.Workflow;
import id.satupintu.application.ApplicationHistory.Visibility;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.identity.IdentityService;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who in the agency handles an application. A supervisor (or an admin) gives it to any officer of
 * the application's agency, takes it away or gives it to another; an officer may take a free
 * application for themself and let go of their own. Each change is a step in the append-only
 * history (assign, reassign, unassign) and an event on the application's stream, in the same
 * transaction. The row is locked while the change is made, so of two racing assignments the later
 * one wins and the history lists both in the order they took effect.
 * <p>
 * The event says only that the file was (re)assigned or released: the officer's id is for the
 * agency's staff, and the application's followers include its applicant.
 */
@ApplicationScoped
public class ApplicationAssignments {

    @Inject
    ApplicationLookup lookup;

    @Inject
    ApplicationViews views;

    @Inject
    StepRecorder recorder;

    @Inject
    IdentityService identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<ApplicationView> assign(Caller caller, String trackingNumber, AssignmentInput input) {
        UUID officer = officerId(input);
        String note = note(input);
        return lookup.locked(caller, trackingNumber).flatMap(app -> {
            mayChange(caller, app, officer);
            if (officer.equals(app.assignedTo)) {
                return views.of(app, caller);
            }
            return eligible(app, officer)
                    .flatMap(ignored -> change(caller, app, officer, note))
                    .flatMap(ignored -> views.of(app, caller));
        });
    }

    @WithTransaction
    public Uni<ApplicationView> unassign(Caller caller, String trackingNumber) {
        return lookup.locked(caller, trackingNumber).flatMap(app -> {
            mayChange(caller, app, null);
            if (app.assignedTo == null) {
                return views.of(app, caller);
            }
            return change(caller, app, null, null).flatMap(ignored -> views.of(app, caller));
        });
    }

    /**
     * Staff of the agency only (others who may read it: 403; strangers already got 404). Officers act
     * only for themselves: take a free file, release their own.
     */
    private static void mayChange(Caller caller, Application app, UUID officer) {
        if (!ApplicationAccess.actsAsStaff(caller, app)) {
            throw ProblemException.forbidden();
        }
        if (app.state == ApplicationState.DRAFT || app.state.isFinal()) {
            throw ProblemException.conflict("application-not-assignable", app.state);
        }
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            return;
        }
        UUID self = caller.uuid().orElse(null);
        if (officer == null) {
            if (app.assignedTo == null || !app.assignedTo.equals(self)) {
                throw new ProblemException(403, "assignment-not-yours");
            }
        } else {
            if (!officer.equals(self)) {
                throw new ProblemException(403, "assignment-supervisor-only");
            }
            if (app.assignedTo != null && !app.assignedTo.equals(self)) {
                throw ProblemException.conflict("application-already-assigned");
            }
        }
    }

    /** The assignee must be an active officer account of the application's agency. */
    private Uni<Void> eligible(Application app, UUID officer) {
        return identity.person(officer).map(found -> {
            String problem;
            if (found.isEmpty() || !found.get().active()) {
                problem = "unknown-officer";
            } else if (!Roles.OFFICER.equals(found.get().role())) {
                problem = "not-an-officer";
            } else if (!app.agencyCode.equals(found.get().agencyCode())) {
                problem = "officer-of-other-agency";
            } else {
                return null;
            }
            throw new ProblemException(422, "assignee-not-eligible",
                    List.of(FieldError.of("officerId", problem, officer)), officer);
        });
    }

    private Uni<Void> change(Caller caller, Application app, UUID officer, String note) {
        String action = officer == null ? "unassign" : app.assignedTo == null ? "assign" : "reassign";
        OffsetDateTime now = clock.timestamp();
        app.assignedTo = officer;
        app.assignedAt = officer == null ? null : now;
        ApplicationHistory entry = recorder.historyEntry(app, action, app.state, app.state, caller.id(),
                ApplicationAccess.roleOf(caller, Workflow.Actor.STAFF), note, Visibility.INTERNAL);
        entry.assigneeId = officer == null ? null : officer.toString();
        entry.at = now;
        Map<String, Object> payload = recorder.publicPayload(app, action, app.state);
        payload.put("at", now.toString());
        payload.put("assigned", officer != null);
        return recorder.record(app, entry, payload);
    }

    private static UUID officerId(AssignmentInput input) {
        if (input == null || input.officerId() == null || input.officerId().isBlank()) {
            throw ProblemException.validation("officerId", "required");
        }
        try {
            return UUID.fromString(input.officerId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("officerId", "invalid-format");
        }
    }

    private static String note(AssignmentInput input) {
        List<FieldError> errors = new ArrayList<>();
        InputValidator.noteLength(errors, "note", input.note());
        InputValidator.failIfAny(errors);
        return InputValidator.blank(input.note()) ? null : input.note();
    }
}
