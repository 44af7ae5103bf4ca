package id.satupintu.complaint.handling;

import static id.satupintu.platform.error.InputValidator.blank;
import static id.satupintu.platform.error.InputValidator.noteLength;

import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.complaint.ComplaintHistoryEntry;
import id.satupintu.complaint.ComplaintLookup;
import id.satupintu.complaint.ComplaintRecorder;
import id.satupintu.complaint.ComplaintState;
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
import java.util.ArrayList;
import java.util.List;

/** Messages on a complaint that leave its state as it is: responses, internal notes, the reporter's replies. */
@ApplicationScoped
public class ComplaintResponses {

    @Inject
    ComplaintRecorder recorder;

    @Inject
    Clock clock;

    /**
     * A message without a state change. Staff of the desk or the handling agency write a public
     * response or an internal note; the reporter replies (always public). Public messages are not
     * taken on a closed or rejected complaint (the reporter reopens instead); notes always are.
     */
    @WithTransaction
    public Uni<ComplaintHistoryEntry> respond(Caller caller, String trackingCode, String secret,
                                              ComplaintResponseInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(input.text())) {
            errors.add(FieldError.of("text", "required"));
        }
        noteLength(errors, "text", input.text());
        InputValidator.failIfAny(errors);
        Visibility visibility = input.visibility() == null ? Visibility.PUBLIC : input.visibility();
        return ComplaintLookup.locked(caller, secret, trackingCode).flatMap(c -> {
            boolean staff = ComplaintAccess.isStaff(caller, c);
            boolean reporter = ComplaintAccess.isReporter(caller, secret, c);
            if (!staff && visibility == Visibility.INTERNAL) {
                throw ProblemException.validation("visibility", "complaint-staff-only");
            }
            if (visibility == Visibility.PUBLIC && (c.state == ComplaintState.CLOSED || c.state == ComplaintState.REJECTED)) {
                throw ProblemException.conflict("complaint-closed", c.state);
            }
            String action;
            String actorId;
            String role;
            String agency = null;
            if (staff) {
                action = visibility == Visibility.INTERNAL ? "note" : "respond";
                actorId = caller.id();
                ComplaintWorkflow.Actor as = ComplaintAccess.isDesk(caller, c) ? ComplaintWorkflow.Actor.DESK
                        : ComplaintWorkflow.Actor.AGENCY;
                role = ComplaintAccess.roleOf(caller, as);
                agency = as == ComplaintWorkflow.Actor.AGENCY ? c.forwardedTo : null;
            } else if (reporter) {
                action = "reply";
                actorId = ComplaintAccess.actorIdOf(caller, c);
                role = "reporter";
            } else {
                throw ProblemException.forbidden();
            }
            c.updatedAt = Complaint.timestamp(clock.now());
            return recorder.record(c, action, c.state, c.state, actorId, role, agency, input.text().trim(), visibility,
                            null)
                    .map(entry -> ComplaintHistoryEntry.of(entry, staff, ComplaintAccess.seesIdentity(caller, secret, c)));
        });
    }
}
