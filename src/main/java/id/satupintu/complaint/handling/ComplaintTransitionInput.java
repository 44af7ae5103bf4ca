package id.satupintu.complaint.handling;


import id.satupintu.complaint.RejectReason;
import org.eclipse.microprofile.graphql.Input;
/**
 * A handling step: {@code action} from {@link ComplaintWorkflow#TRANSITIONS}; {@code note} a public
 * text for the reporter; {@code reason} the reporter's reason to reopen; {@code rejectReason} for
 * reject; {@code agencyCode} for forward; {@code rating} (1-5) when the reporter closes.
 */
@Input("ComplaintTransitionInput")
public record ComplaintTransitionInput(String action, String note, String reason, RejectReason rejectReason,
                                       String agencyCode, Integer rating) {
}
