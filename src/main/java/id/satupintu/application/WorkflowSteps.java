package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;
import id.satupintu.application.document.ApplicationDocuments;
import id.satupintu.application.permit.Permit;
import id.satupintu.application.permit.PermitService;
import id.satupintu.application.sla.SlaClock;
import id.satupintu.catalog.FormValidator;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.idempotency.Idempotency;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes the steps of the {@link Workflow}: by the applicant or the agency's staff (checked against
 * {@link ApplicationAccess}), or by the service itself. A step moves the state, does what the move
 * means for the SLA clock and the permit, and is recorded in the history and on the event stream, in
 * one transaction.
 */
@ApplicationScoped
public class WorkflowSteps {

    @Inject
    ServiceCatalog catalog;

    @Inject
    SlaClock sla;

    @Inject
    Clock clock;

    @Inject
    PermitService permits;

    @Inject
    ApplicationDocuments documents;

    @Inject
    ApplicationLookup lookup;

    @Inject
    ApplicationViews views;

    @Inject
    StepRecorder recorder;

    @Inject
    DutySeparation duties;

    @Inject
    Idempotency idempotency;

    /**
     * Takes a workflow step. The application row is locked for the transaction, so of two staff
     * acting at once one wins and the other finds the state moved on (409).
     */
    @WithTransaction
    Uni<ApplicationView> transition(Caller caller, String trackingNumber, TransitionInput input) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        Workflow.Transition transition = checkTransition(input);
        return lookup.locked(caller, trackingNumber).flatMap(app -> step(caller, app, transition, input));
    }

    /**
     * Submits a draft, or resubmits an application returned for revision, whichever it is. With an
     * idempotency key, a retry (the answer lost on a flaky connection) gets the first answer again; the
     * same key for another application is a 422.
     */
    @WithTransaction
    Uni<ApplicationView> submit(Caller caller, String trackingNumber, String idempotencyKey) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        Map<String, String> request = Map.of("trackingNumber", String.valueOf(TrackingNumbers.normalize(trackingNumber)));
        return idempotency.once("application.submit:" + caller.id(), idempotencyKey, request, 200, ApplicationView.class,
                () -> lookup.locked(caller, trackingNumber).flatMap(app -> {
                    String action = app.state == ApplicationState.RETURNED_FOR_REVISION ? "resubmit" : "submit";
                    return step(caller, app, Workflow.find(action).orElseThrow(),
                            new TransitionInput(action, null, null, null));
                })).map(Idempotency.Outcome::body);
    }

    private Uni<ApplicationView> step(Caller caller, Application app, Workflow.Transition transition,
                                      TransitionInput input) {
        if (!ApplicationAccess.may(caller, app, transition.actor())) {
            throw ProblemException.forbidden();
        }
        if (transition.actor() == Workflow.Actor.APPLICANT) {
            DutySeparation.notePreparer(caller, app);
        }
        return duties.check(caller, app, transition).flatMap(ignored -> apply(app, transition, input, caller.id(),
                ApplicationAccess.roleOf(caller, transition.actor()), clock.now())).flatMap(ignored -> views.of(app, caller));
    }

    /**
     * The service's own steps (deemed approval when the SLA has passed): taken without a caller and
     * recorded as role "system". For the scheduled SLA job.
     */
    @WithTransaction
    Uni<ApplicationView> systemTransition(String trackingNumber, String action, String reason) {
        Workflow.Transition transition = Workflow.find(action)
                .filter(t -> t.actor() == Workflow.Actor.SYSTEM)
                .orElseThrow(() -> new IllegalArgumentException("not a system action: " + action));
        return Application.<Application>find("trackingNumber", trackingNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("application", trackingNumber))
                .flatMap(app -> apply(app, transition, new TransitionInput(action, null, null, reason), "system",
                        "system", clock.now()).flatMap(ignored -> views.of(app)));
    }

    /**
     * Deemed approval of an application whose deadline has passed, in the caller's transaction with
     * the row locked. Deemed approval grants the permit as well; the issue step records that it was the service's.
     */
    public Uni<Void> deemApprove(Application app, String reason, Instant at) {
        return apply(app, Workflow.find("deem-approve").orElseThrow(),
                new TransitionInput("deem-approve", null, null, reason), "system", "system", at)
                .flatMap(ignored -> apply(app, Workflow.find("issue-permit").orElseThrow(),
                        new TransitionInput("issue-permit", null, null, "Permit issued on deemed approval"),
                        "system", "system", at));
    }

    /**
     * A new file filed complete: the submit step from no state at all. Filing has already checked the
     * form and the documents; the clock starts now.
     */
    Uni<Application> submitNew(Application app, int completionDays, String actorId, String actorRole) {
        Workflow.Transition submit = Workflow.find("submit").orElseThrow();
        return applyEffects(app, submit, completionDays, clock.now())
                .flatMap(ignored -> recorder.record(app, "submit", null, ApplicationState.SUBMITTED, actorId,
                        actorRole, null, null, null))
                .replaceWith(app);
    }

    private Uni<Void> apply(Application app, Workflow.Transition transition, TransitionInput input,
                            String actorId, String actorRole, Instant at) {
        if (!transition.from().contains(app.state)) {
            // A repeated submit (a retry without its key, a second tap) is told what happened.
            if (transition.to() == ApplicationState.SUBMITTED && app.submittedAt != null) {
                throw ProblemException.conflict("application-already-submitted", app.trackingNumber, app.state);
            }
            throw ProblemException.conflict("invalid-transition", transition.action(), app.state);
        }
        // The SLA clock starts only for a complete file: the form and every mandatory document.
        Uni<Integer> completionDays = transition.to() == ApplicationState.SUBMITTED
                ? catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
                    InputValidator.failIfAny(FormValidator.check(standard.standard(), app.form, true));
                    return documents.requireComplete(app, standard.standard())
                            .replaceWith(standard.standard().completionDays());
                })
                : Uni.createFrom().item(0);
        ApplicationState from = app.state;
        return completionDays
                .flatMap(days -> applyEffects(app, transition, days, at))
                .flatMap(ignored -> transition.to() == ApplicationState.PERMIT_ISSUED
                        ? permits.issue(app, from == ApplicationState.DEEMED_APPROVED
                                ? Permit.Basis.DEEMED_APPROVAL : Permit.Basis.DECISION, at).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(ignored -> recorder.record(app, transition.action(), from, transition.to(), actorId,
                        actorRole, input.note(), input.note() == null ? Visibility.PUBLIC : input.visibility(),
                        input.reason()))
                .replaceWithVoid();
    }

    /** The state change itself and what it does to the SLA clock. */
    private Uni<Void> applyEffects(Application app, Workflow.Transition transition, int completionDays, Instant at) {
        ApplicationState from = app.state;
        app.state = transition.to();
        app.updatedAt = now();
        if (transition.action().equals("submit")) {
            app.submittedAt = app.updatedAt;
            return sla.start(app, completionDays, at);
        }
        if (transition.action().equals("resubmit")) {
            return sla.resume(app, at);
        }
        if (transition.to() == ApplicationState.RETURNED_FOR_REVISION && from != ApplicationState.RETURNED_FOR_REVISION) {
            return sla.pause(app, at);
        }
        return Uni.createFrom().voidItem();
    }

    private static Workflow.Transition checkTransition(TransitionInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        Workflow.Transition transition = null;
        if (input.action() == null || input.action().isBlank()) {
            errors.add(FieldError.of("action", "required"));
        } else {
            transition = Workflow.find(input.action()).orElse(null);
            if (transition == null) {
                errors.add(FieldError.of("action", "unknown-action", input.action()));
            } else if (transition.actor() == Workflow.Actor.SYSTEM) {
                throw ProblemException.forbidden();
            }
        }
        InputValidator.noteAndReason(errors, input.note(), input.reason(),
                transition != null && transition.noteRequired(), transition != null && transition.reasonRequired());
        InputValidator.failIfAny(errors);
        return transition;
    }

    private OffsetDateTime now() {
        return clock.timestamp();
    }
}
