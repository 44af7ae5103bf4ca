package id.satupintu.application;

import id.satupintu.application.assignment.ApplicationAssignments;
import id.satupintu.application.assignment.AssignmentInput;
import id.satupintu.application.assignment.WorkQueue;
import id.satupintu.application.document.ApplicationDocuments;
import id.satupintu.application.document.DocumentInfo;
import id.satupintu.application.permit.PermitService;
import id.satupintu.application.permit.PermitVerification;
import id.satupintu.application.permit.PermitView;
import id.satupintu.application.permit.RevocationInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.events.PublishedEvent;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceSummary;
import id.satupintu.platform.web.PageSize;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Applications over GraphQL for OSS-style systems and apps: the same service, the same authorization
 * as REST. A form is free-form per service, so it travels as a JSON object in a string ({@code formJson}).
 */
@GraphQLApi
public class ApplicationGraphQL {

    @Name("Application")
    public record ApplicationNode(String trackingNumber, String serviceCode, int standardVersion, String agencyCode,
                                  String siteCode, ApplicationState state, Integer ossStatusCode,
                                  ApplicationView.Applicant applicant, String formJson, OffsetDateTime createdAt,
                                  OffsetDateTime updatedAt, OffsetDateTime submittedAt, ApplicationView.Sla sla,
                                  PermitView permit, ApplicationView.Assignment assignment) {
    }

    @Name("ApplicationConnection")
    public record ApplicationConnection(List<ApplicationSummary> items, String nextCursor) {
    }

    @Name("ApplicationSubmissionInput")
    @Description("formJson is the form as a JSON object, e.g. {\"luasLantai\": 120}")
    public record ApplicationSubmission(@NonNull String serviceCode, String siteCode, Boolean draft, String formJson,
                                        String applicantNik, String nib, String kbli) {
    }

    @Name("ApplicationEvent")
    @Description("One step of an application, as its applicant and the agency's staff see it live")
    public record ApplicationEvent(long id, String type, String trackingNumber, String action, String fromState,
                                   String state, Integer ossStatusCode, String at, String deadline, String note,
                                   String reason) {

        static ApplicationEvent of(PublishedEvent event) {
            var p = event.payload();
            return new ApplicationEvent(event.id(), event.type(), p.getString("trackingNumber"), p.getString("action"),
                    p.getString("fromState"), p.getString("state"), p.getInteger("ossStatusCode"),
                    p.getValue("at") == null ? null : String.valueOf(p.getValue("at")),
                    p.getValue("deadline") == null ? null : String.valueOf(p.getValue("deadline")),
                    p.getString("note"), p.getString("reason"));
        }
    }

    @Inject
    ApplicationFiling filing;

    @Inject
    WorkflowSteps steps;

    @Inject
    ApplicationReads reads;

    @Inject
    LiveStreams live;

    @Inject
    PermitService permits;


    @Inject
    GraphQLCalls calls;

    @Inject
    ObjectMapper mapper;

    @Inject
    WorkQueue workQueue;

    @Inject
    ApplicationAssignments assignments;

    @Inject
    ApplicationDocuments documents;

    @Inject
    ServiceCatalog catalog;

    @Query
    @Description("An application the caller may see (applicant, the agency's staff, admins)")
    public Uni<ApplicationNode> application(@NonNull String trackingNumber) {
        return calls.asCaller(caller -> reads.find(caller, trackingNumber)).map(this::node);
    }

    @Subscription
    @Description("An application's steps from its filing on, then live: for the applicant and the agency's staff")
    public Multi<ApplicationEvent> applicationEvents(@NonNull String trackingNumber) {
        return calls.asCaller(caller -> reads.streamOf(caller, trackingNumber))
                .onItem().transformToMulti(stream -> live.events(stream, 0))
                .map(ApplicationEvent::of);
    }

    @Query
    @Description("Public status: no personal data")
    public Uni<ApplicationStatus> applicationStatus(@NonNull String trackingNumber) {
        return calls.run(() -> reads.status(trackingNumber));
    }

    @Query
    @Description("Public check of a permit by the code of its QR code: status and public facts, no personal data")
    public Uni<PermitVerification> permitVerification(@NonNull String code) {
        return calls.run(() -> permits.verify(code));
    }

    @Mutation
    @Description("Revokes a permit: an officer or supervisor of the issuing agency; the reason is public")
    public Uni<PermitView> revokePermit(@NonNull String number, @NonNull String reason) {
        return calls.asCaller(caller -> permits.revoke(caller, number, new RevocationInput(reason)));
    }

    @Query
    public Uni<List<HistoryEntry>> applicationHistory(@NonNull String trackingNumber) {
        return calls.asCaller(caller -> reads.history(caller, trackingNumber));
    }

    @Query
    @Description("The caller's applications, most recently changed first")
    public Uni<ApplicationConnection> myApplications(Integer first, String after,
                                                     OffsetDateTime updatedSince) {
        return calls.asCaller(caller -> reads.mine(caller, after, PageSize.PERSONAL.first(first), updatedSince))
                .map(page -> new ApplicationConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("The agency's work queue for its staff (admins name the agency): by default what waits for the "
            + "agency, closest deadline first; assignedTo is me, unassigned or an officer's id")
    public Uni<ApplicationConnection> workQueue(String agency, ApplicationState state, String service, Boolean breached,
                                                String assignedTo, Integer first, String after) {
        return calls.asCaller(caller -> workQueue.list(caller,
                        new WorkQueue.Filter(agency, state, service, breached, assignedTo), after,
                        PageSize.STANDARD.first(first)))
                .map(page -> new ApplicationConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("The documents of an application (metadata; the files themselves are downloaded over REST)")
    public Uni<List<DocumentInfo>> applicationDocuments(@NonNull String trackingNumber) {
        return calls.asCaller(caller -> documents.list(caller, trackingNumber));
    }

    /** The documents of a whole list of applications in two queries, whatever the list's length. */
    @Name("documents")
    public Uni<List<List<DocumentInfo>>> summaryDocuments(@Source List<ApplicationSummary> apps) {
        return perApplication(apps.stream().map(ApplicationSummary::trackingNumber).toList(), documents::listAll);
    }

    @Name("documents")
    public Uni<List<List<DocumentInfo>>> nodeDocuments(@Source List<ApplicationNode> apps) {
        return perApplication(apps.stream().map(ApplicationNode::trackingNumber).toList(), documents::listAll);
    }

    /** The histories of a whole list of applications in two queries, as each one's history query shows it. */
    @Name("history")
    public Uni<List<List<HistoryEntry>>> summaryHistory(@Source List<ApplicationSummary> apps) {
        return perApplication(apps.stream().map(ApplicationSummary::trackingNumber).toList(), reads::histories);
    }

    @Name("history")
    public Uni<List<List<HistoryEntry>>> nodeHistory(@Source List<ApplicationNode> apps) {
        return perApplication(apps.stream().map(ApplicationNode::trackingNumber).toList(), reads::histories);
    }

    /** The services of a whole list of applications in one query (their agencies batch in the catalog). */
    @Name("service")
    public Uni<List<ServiceSummary>> summaryService(@Source List<ApplicationSummary> apps) {
        return services(apps.stream().map(ApplicationSummary::serviceCode).toList());
    }

    @Name("service")
    public Uni<List<ServiceSummary>> nodeService(@Source List<ApplicationNode> apps) {
        return services(apps.stream().map(ApplicationNode::serviceCode).toList());
    }

    @Mutation
    @Description("Gives an application to an officer of its agency: a supervisor to anyone, an officer to themself")
    public Uni<ApplicationNode> assignApplication(@NonNull String trackingNumber, @NonNull String officerId,
                                                  String note) {
        return calls.asCaller(caller -> assignments.assign(caller, trackingNumber, new AssignmentInput(officerId, note)))
                .map(this::node);
    }

    @Mutation
    @Description("Releases an application: a supervisor, or the officer it is assigned to")
    public Uni<ApplicationNode> unassignApplication(@NonNull String trackingNumber) {
        return calls.asCaller(caller -> assignments.unassign(caller, trackingNumber)).map(this::node);
    }

    @Mutation
    @Description("Submits a draft, or resubmits an application returned for revision (REST: POST .../submit). "
            + "A retry with the same idempotencyKey gets the first result.")
    public Uni<ApplicationNode> submitFiledApplication(@NonNull String trackingNumber, String idempotencyKey) {
        return calls.asCaller(caller -> steps.submit(caller, trackingNumber, idempotencyKey)).map(this::node);
    }

    @Mutation
    @Description("Files an application (or saves a draft). A retry with the same idempotencyKey gets the first result.")
    public Uni<ApplicationNode> submitApplication(@NonNull ApplicationSubmission input, String idempotencyKey) {
        return calls.asCaller(caller -> filing.file(caller, request(input), idempotencyKey))
                .map(outcome -> node(outcome.body()));
    }

    @Mutation
    @Description("Replaces the form of a draft or of an application returned for revision")
    public Uni<ApplicationNode> updateApplication(@NonNull String trackingNumber, @NonNull ApplicationSubmission input) {
        return calls.asCaller(caller -> filing.edit(caller, trackingNumber, request(input))).map(this::node);
    }

    @Mutation
    @Description("A workflow step: submit, resubmit, withdraw, start-verification, verify, return, approve, reject, issue-permit")
    public Uni<ApplicationNode> transitionApplication(@NonNull String trackingNumber, @NonNull TransitionInput input) {
        return calls.asCaller(caller -> steps.transition(caller, trackingNumber, input)).map(this::node);
    }


    /** Loads something for many applications at once and hands each source its part (empty if not readable). */
    private <T> Uni<List<List<T>>> perApplication(List<String> trackingNumbers,
            BiFunction<Caller, List<String>, Uni<Map<String, List<T>>>> load) {
        return calls.asCaller(caller -> load.apply(caller, trackingNumbers))
                .map(byNumber -> trackingNumbers.stream().map(tn -> byNumber.getOrDefault(tn, List.of())).toList());
    }

    private Uni<List<ServiceSummary>> services(List<String> codes) {
        Locale locale = calls.locale();
        return calls.run(() -> catalog.summaries(codes, locale)).map(byCode -> codes.stream().map(byCode::get).toList());
    }

    private ApplicationInput request(ApplicationSubmission input) {
        return new ApplicationInput(input.serviceCode(), input.siteCode(), input.draft(), form(mapper, input.formJson()),
                input.applicantNik(), input.nib(), input.kbli());
    }

    /** A form sent over GraphQL as a JSON object in a string; anything else is a formJson validation error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> form(ObjectMapper mapper, String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Object parsed = mapper.readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            // reported below, like any other malformed form
        }
        throw ProblemException.validation("formJson", "invalid-format");
    }

    private ApplicationNode node(ApplicationView v) {
        try {
            return new ApplicationNode(v.trackingNumber(), v.serviceCode(), v.standardVersion(), v.agencyCode(),
                    v.siteCode(), v.state(), v.ossStatusCode(), v.applicant(), mapper.writeValueAsString(v.form()),
                    v.createdAt(), v.updatedAt(), v.submittedAt(), v.sla(), v.permit(), v.assignment());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
