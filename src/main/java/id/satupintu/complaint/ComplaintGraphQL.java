package id.satupintu.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.complaint.filing.ComplaintCategories;
import id.satupintu.complaint.filing.ComplaintCategory;
import id.satupintu.complaint.filing.ComplaintFiling;
import id.satupintu.complaint.filing.ComplaintInput;
import id.satupintu.complaint.handling.AgencyDeadlineRecord;
import id.satupintu.complaint.handling.ComplaintDesk;
import id.satupintu.complaint.handling.ComplaintResponseInput;
import id.satupintu.complaint.handling.ComplaintResponses;
import id.satupintu.complaint.handling.ComplaintTransitionInput;
import id.satupintu.complaint.handling.ComplaintTransitions;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.events.PublishedEvent;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.web.ClientAddress;
import id.satupintu.platform.web.PageSize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Complaints over GraphQL: the same services and privacy rules as REST. Nobody needs a token to file
 * anonymously or to follow with the tracking code and {@code secret}; category answers travel as a
 * JSON object in a string ({@code attributesJson}).
 */
@GraphQLApi
public class ComplaintGraphQL {

    @Name("Complaint")
    public record ComplaintNode(String trackingCode, ComplaintKind kind, String categoryCode,
                                ReporterMode reporterMode, ComplaintView.Reporter reporter, String title,
                                String description, String siteCode, String agencyCode, String serviceCode,
                                String applicationTrackingNumber, String ticketId, ComplaintView.Location location,
                                String mediaUrl, String attributesJson, ComplaintState state,
                                RejectReason rejectReason, ComplaintView.Deadline deadline, int reopenCount,
                                boolean reopenable, Integer rating, List<String> actions, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {
    }

    @Name("FiledComplaint")
    @Description("The filed complaint; secret only for an anonymous one, shown this once")
    public record FiledNode(ComplaintNode complaint, String secret) {
    }

    @Name("ComplaintConnection")
    public record ComplaintConnection(List<ComplaintSummary> items, String nextCursor) {
    }

    @Name("ComplaintSubmissionInput")
    @Description("attributesJson: answers to the category's questions as a JSON object, e.g. {\"amount\": 50000}")
    public record ComplaintSubmission(ComplaintKind kind, @NonNull String categoryCode, ReporterMode mode, String title,
                                      @NonNull String description, String siteCode, String agencyCode,
                                      String serviceCode, String applicationTrackingNumber, String ticketId,
                                      Double latitude, Double longitude, String address, String mediaUrl,
                                      String contactName, String contactEmail, String contactPhone,
                                      String attributesJson) {
    }

    @Name("ComplaintEvent")
    @Description("One change of a complaint, as its reporter and handling staff see it live")
    public record ComplaintEvent(long id, String type, String trackingCode, String action, String fromState,
                                 String state, String forwardedTo, String dueOn, String at, String note,
                                 String reason) {

        static ComplaintEvent of(PublishedEvent event) {
            var p = event.payload();
            return new ComplaintEvent(event.id(), event.type(), p.getString("trackingCode"), p.getString("action"),
                    p.getString("fromState"), p.getString("state"), p.getString("forwardedTo"),
                    p.getString("dueOn"), p.getString("at"), p.getString("note"), p.getString("reason"));
        }
    }

    @Inject
    ComplaintReads complaints;

    @Inject
    ComplaintCategories categories;

    @Inject
    ComplaintFiling filing;

    @Inject
    ClientAddress clientAddress;

    @Inject
    ComplaintTransitions transitions;

    @Inject
    ComplaintResponses responses;

    @Inject
    ComplaintDesk desk;

    @Inject
    LiveStreams live;


    @Inject
    GraphQLCalls calls;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ObjectMapper mapper;

    @Query
    @Description("A complaint the caller may see: its reporter (account, filing client, or secret), the site's desk, the handling agency")
    public Uni<ComplaintNode> complaint(@NonNull String trackingCode, String secret) {
        return calls.asAnyone(caller -> complaints.find(caller, trackingCode, secret)).map(this::node);
    }

    @Query
    public Uni<List<ComplaintHistoryEntry>> complaintHistory(@NonNull String trackingCode, String secret) {
        return calls.asAnyone(caller -> complaints.history(caller, trackingCode, secret));
    }

    @Query
    @Description("The complaint categories in the reader's language")
    public Uni<List<ComplaintCategory>> complaintCategories() {
        return calls.run(() -> categories.list(calls.locale()));
    }

    @Query
    @Description("The caller's own complaints (citizen) or filings (API client), newest change first")
    public Uni<ComplaintConnection> myComplaints(Integer first, String after) {
        return calls.asAnyone(caller -> complaints.mine(required(caller), after, PageSize.PERSONAL.first(first)))
                .map(page -> new ComplaintConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("The handling list: the site's desk sees its site, agency staff what is forwarded to them")
    public Uni<ComplaintConnection> complaints(ComplaintState state, ComplaintKind kind, String categoryCode,
                                               String siteCode, String agencyCode, Boolean late,
                                               Integer first, String after) {
        ComplaintFilter filter = new ComplaintFilter(state, kind, categoryCode, siteCode, agencyCode, late);
        return calls.asAnyone(caller -> complaints.list(required(caller), filter, after, PageSize.STANDARD.first(first)))
                .map(page -> new ComplaintConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("Which agencies break complaint deadlines at a site: for the site's desk and admins")
    public Uni<List<AgencyDeadlineRecord>> complaintDeadlineRecord(@NonNull String siteCode) {
        return calls.asAnyone(caller -> desk.deadlineRecord(required(caller), siteCode));
    }

    @Mutation
    @Description("Files a complaint: anonymous without a token, identified or confidential when signed in")
    public Uni<FiledNode> fileComplaint(@NonNull ComplaintSubmission input) {
        RoutingContext routing = request.getCurrent();
        String address = routing == null ? null : clientAddress.of(routing.request());
        return calls.asAnyone(caller -> filing.file(caller, input(input), address))
                .map(filed -> new FiledNode(node(filed.complaint()), filed.secret()));
    }

    @Mutation
    @Description("A handling step: verify, reject, forward, start-follow-up, answer, resolve, close, reopen")
    public Uni<ComplaintNode> transitionComplaint(@NonNull String trackingCode, String secret,
                                                  @NonNull ComplaintTransitionInput input) {
        return calls.asAnyone(caller -> transitions.transition(caller, trackingCode, secret, input)).map(this::node);
    }

    @Mutation
    @Description("A public response or internal note (staff), or the reporter's reply")
    public Uni<ComplaintHistoryEntry> respondToComplaint(@NonNull String trackingCode, String secret,
                                                         @NonNull ComplaintResponseInput input) {
        return calls.asAnyone(caller -> responses.respond(caller, trackingCode, secret, input));
    }

    @Subscription
    @Description("A complaint's changes from its filing on, then live: for its reporter and handling staff")
    public Multi<ComplaintEvent> complaintEvents(@NonNull String trackingCode, String secret) {
        return calls.asAnyone(caller -> complaints.streamOf(caller, trackingCode, secret))
                .onItem().transformToMulti(stream -> live.events(stream, 0))
                .map(ComplaintEvent::of);
    }


    private static Caller required(Caller caller) {
        if (caller == null) {
            throw new ProblemException(401, "unauthorized");
        }
        return caller;
    }

    private ComplaintInput input(ComplaintSubmission s) {
        UUID ticket = null;
        if (s.ticketId() != null) {
            try {
                ticket = UUID.fromString(s.ticketId());
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("ticketId", "invalid-format");
            }
        }
        return new ComplaintInput(s.kind(), s.categoryCode(), s.mode(), s.title(), s.description(), s.siteCode(),
                s.agencyCode(), s.serviceCode(), s.applicationTrackingNumber(), ticket, s.latitude(), s.longitude(),
                s.address(), s.mediaUrl(), s.contactName(), s.contactEmail(), s.contactPhone(),
                attributes(s.attributesJson()));
    }

    private Map<String, Object> attributes(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> map = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
            if (map != null) {
                return map;
            }
        } catch (JsonProcessingException e) {
            // falls through to the field error
        }
        throw ProblemException.validation("attributesJson", "invalid-format");
    }

    private ComplaintNode node(ComplaintView v) {
        try {
            return new ComplaintNode(v.trackingCode(), v.kind(), v.categoryCode(), v.reporterMode(), v.reporter(),
                    v.title(), v.description(), v.siteCode(), v.agencyCode(), v.serviceCode(),
                    v.applicationTrackingNumber(), v.ticketId() == null ? null : v.ticketId().toString(), v.location(),
                    v.mediaUrl(), mapper.writeValueAsString(v.attributes()), v.state(), v.rejectReason(), v.deadline(),
                    v.reopenCount(), v.reopenable(), v.rating(), v.actions(), v.createdAt(), v.updatedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
