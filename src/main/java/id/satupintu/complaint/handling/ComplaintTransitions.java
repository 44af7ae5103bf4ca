package id.satupintu.complaint.handling;

import static id.satupintu.platform.error.InputValidator.blank;
import static id.satupintu.platform.error.InputValidator.trimToNull;

import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.complaint.ComplaintLookup;
import id.satupintu.complaint.ComplaintRecorder;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.complaint.ComplaintState;
import id.satupintu.complaint.ComplaintView;
import id.satupintu.complaint.ComplaintViews;
import id.satupintu.complaint.Visibility;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The handling steps of {@link ComplaintWorkflow} (verify, reject, forward, start-follow-up, answer,
 * resolve, close, reopen), with what each does to the running deadline.
 */
@ApplicationScoped
public class ComplaintTransitions {

    @Inject
    ComplaintConfig config;

    @Inject
    AgencyService agencies;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    ComplaintRecorder recorder;

    @Inject
    ComplaintViews views;

    @Inject
    Clock clock;

    /**
     * Takes a handling step. The complaint row is locked for the transaction, so of two staff acting
     * at once one wins and the other finds the state moved on (409 complaint-invalid-transition).
     */
    @WithTransaction
    public Uni<ComplaintView> transition(Caller caller, String trackingCode, String secret,
                                         ComplaintTransitionInput input) {
        ComplaintWorkflow.Transition transition = checkTransition(input);
        return ComplaintLookup.locked(caller, secret, trackingCode).flatMap(c -> {
            var actors = ComplaintAccess.actorsOf(caller, secret, c);
            ComplaintWorkflow.Actor actor = transition.actors().stream().filter(actors::contains).findFirst()
                    .orElseThrow(ProblemException::forbidden);
            if (!transition.from().contains(c.state)) {
                throw ProblemException.conflict("complaint-invalid-transition", transition.action(), c.state);
            }
            return step(caller, secret, c, transition, actor, input);
        });
    }

    private Uni<ComplaintView> step(Caller caller, String secret, Complaint c, ComplaintWorkflow.Transition transition,
                                    ComplaintWorkflow.Actor actor, ComplaintTransitionInput input) {
        Instant now = clock.now();
        ComplaintState from = c.state;
        String agency = actor == ComplaintWorkflow.Actor.AGENCY ? c.forwardedTo : null;
        String reason = input.reason();
        Uni<Void> effects = Uni.createFrom().voidItem();
        switch (transition.action()) {
            case "reject" -> {
                if (input.rejectReason() == null) {
                    throw ProblemException.validation("rejectReason", "required");
                }
                c.rejectReason = input.rejectReason();
                reason = input.rejectReason().name();
                stopClock(c);
            }
            case "forward" -> {
                if (blank(input.agencyCode())) {
                    throw ProblemException.validation("agencyCode", "required");
                }
                if (input.agencyCode().equals(c.forwardedTo)) {
                    throw ProblemException.conflict("complaint-already-with-agency", input.agencyCode());
                }
                agency = input.agencyCode();
                effects = agencies.find(input.agencyCode())
                        .onFailure(ProblemException.class).transform(e -> ProblemException.validation("agencyCode",
                                "complaint-unknown-agency", input.agencyCode()))
                        .flatMap(found -> {
                            c.forwardedTo = found.code();
                            return restartClock(c, config.complaints().followUpDays().of(c.kind), now);
                        });
            }
            case "answer", "resolve" -> {
                stopClock(c);
                c.settledAt = Complaint.timestamp(now);
            }
            case "close" -> {
                if (input.rating() != null) {
                    if (actor != ComplaintWorkflow.Actor.REPORTER) {
                        throw ProblemException.validation("rating", "complaint-reporter-only");
                    }
                    if (input.rating() < 1 || input.rating() > 5) {
                        throw ProblemException.validation("rating", "complaint-out-of-range", 1, 5);
                    }
                    c.rating = input.rating();
                }
                stopClock(c);
                c.settledAt = Complaint.timestamp(now);
            }
            case "reopen" -> {
                ComplaintConfig.Complaints rules = config.complaints();
                if (c.reopenCount >= rules.maxReopens()) {
                    throw ProblemException.conflict("complaint-reopen-limit", rules.maxReopens());
                }
                if (c.settledAt == null
                        || now.isAfter(c.settledAt.toInstant().plus(Duration.ofDays(rules.reopenDays())))) {
                    throw ProblemException.conflict("complaint-reopen-window-closed", rules.reopenDays());
                }
                c.reopenCount++;
                c.rating = null;
                agency = c.forwardedTo;
                effects = restartClock(c, config.complaints().followUpDays().of(c.kind), now);
            }
            default -> {
                // verify, start-follow-up: the deadline keeps running.
            }
        }
        String recordedAgency = agency;
        String finalReason = reason;
        return effects.flatMap(ignored -> {
            c.state = transition.to();
            c.updatedAt = Complaint.timestamp(now);
            String actorId = actor == ComplaintWorkflow.Actor.REPORTER ? ComplaintAccess.actorIdOf(caller, c)
                    : caller.id();
            return recorder.record(c, transition.action(), from, transition.to(), actorId,
                    ComplaintAccess.roleOf(caller, actor), recordedAgency, trimToNull(input.note()),
                    Visibility.PUBLIC, finalReason);
        }).flatMap(ignored -> views.view(caller, secret, c));
    }

    /** A new deadline of {@code days} working days from today at the site (forwarding, reopening). */
    private Uni<Void> restartClock(Complaint c, int days, Instant now) {
        return calendar.addWorkingDays(c.siteCode, now, days).invoke(due -> {
            c.followUpDue = due;
            c.dueOn = due;
            c.dueSoonAt = null;
            c.lateAt = null;
        }).replaceWithVoid();
    }

    private static void stopClock(Complaint c) {
        c.dueOn = null;
        c.dueSoonAt = null;
        c.lateAt = null;
    }

    private static ComplaintWorkflow.Transition checkTransition(ComplaintTransitionInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        ComplaintWorkflow.Transition transition = null;
        if (blank(input.action())) {
            errors.add(FieldError.of("action", "required"));
        } else {
            transition = ComplaintWorkflow.find(input.action()).orElse(null);
            if (transition == null) {
                errors.add(FieldError.of("action", "unknown-action", input.action()));
            }
        }
        InputValidator.noteAndReason(errors, input.note(), input.reason(),
                transition != null && transition.noteRequired(), transition != null && transition.reasonRequired());
        InputValidator.failIfAny(errors);
        return transition;
    }
}
