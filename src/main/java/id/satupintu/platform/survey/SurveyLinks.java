package id.satupintu.platform.survey;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/**
 * The survey invitation of a transaction, as the views of its holder show it. A port: the features that
 * serve (queue, application, complaint) must not depend on the survey feature, which sits above them, so
 * they ask this interface and the survey feature implements it.
 */
public interface SurveyLinks {

    /** What a survey can be about: one service the citizen received. */
    enum Kind {
        TICKET, APPLICATION, COMPLAINT
    }

    /**
     * A transaction; {@code agencyCode} may be null (it is then the service's agency). {@code ended}: the
     * service has ended as the caller sees it, possibly in its own transaction, not committed yet (the
     * survey then reads OPEN already, as it will be once it commits).
     */
    record Subject(Kind kind, UUID id, String siteCode, String agencyCode, String serviceCode, boolean ended) {
    }

    /**
     * {@code state}: PENDING until the service ends, then OPEN, ANSWERED or EXPIRED. {@code token} is what
     * the survey endpoints take; {@code url} the page that opens it (printed as a QR code on a kiosk slip).
     */
    @Name("SurveyLink")
    @Description("The satisfaction survey of this transaction: its token, the page that opens it and its state")
    record Link(String token, String url, String state) {
    }

    /** The invitation of one transaction. */
    Uni<Link> link(Subject subject);

    /** The invitations of many transactions (a list view), keyed by transaction id; in few statements. */
    Uni<Map<UUID, Link>> links(List<Subject> subjects);
}
