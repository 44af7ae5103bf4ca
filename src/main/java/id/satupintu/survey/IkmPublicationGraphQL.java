package id.satupintu.survey;

import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The published report, suggestion moderation and the follow-up plan over GraphQL: the same services as REST
 * ({@link IkmPublication}, {@link SuggestionModeration}, {@link FollowUpPlans}), so the same access rules
 * (the report public; the rest for the site's supervisors and admins) and the same problem codes.
 */
@GraphQLApi
public class IkmPublicationGraphQL {

    @Inject
    GraphQLCalls calls;

    @Inject
    IkmPublication publication;

    @Inject
    SuggestionModeration moderation;

    @Inject
    FollowUpPlans plans;

    @Query("ikmPublication")
    @Description("The published IKM report of a site over its local dates from..to: figures, priorities, "
            + "respondent profile, published suggestions and follow-up plans; public")
    public Uni<IkmPublication.Report> ikmPublication(@NonNull String site, String agency, String service, String from,
                                                     String to) {
        return calls.run(() -> publication.report(site, agency, service, from, to, calls.locale()));
    }

    @Query("surveySuggestions")
    @Description("The suggestions of the site's answers in the period (originals), optionally of one state; for "
            + "the site's supervisors and admins")
    public Uni<List<SuggestionModeration.Suggestion>> surveySuggestions(@NonNull String site, @NonNull String from,
                                                                        @NonNull String to, String state) {
        return calls.asCaller(caller -> moderation.list(caller, site, from, to, state));
    }

    @Mutation("publishSuggestion")
    @Description("Publishes a suggestion's copy stripped of personal data")
    public Uni<SuggestionModeration.Suggestion> publishSuggestion(@NonNull String id) {
        return calls.asCaller(caller -> moderation.decide(caller, id, SuggestionModeration.State.PUBLISHED));
    }

    @Mutation("hideSuggestion")
    @Description("Hides a suggestion (withdrawing its published copy)")
    public Uni<SuggestionModeration.Suggestion> hideSuggestion(@NonNull String id) {
        return calls.asCaller(caller -> moderation.decide(caller, id, SuggestionModeration.State.HIDDEN));
    }

    @Query("followUpPlan")
    @Description("The follow-up plan of a site's survey period (draft and published); for its supervisors and admins")
    public Uni<FollowUpPlans.Plan> followUpPlan(@NonNull String site, @NonNull String from, @NonNull String to) {
        return calls.asCaller(caller -> plans.get(caller, site, from, to));
    }

    @Mutation("writeFollowUpPlan")
    @Description("Writes the draft follow-up plan: without version (or 0) creates it, otherwise the version read")
    public Uni<FollowUpPlans.Plan> writeFollowUpPlan(@NonNull String site, @NonNull String from, @NonNull String to,
                                                     @NonNull FollowUpPlanInput input) {
        return calls.asCaller(caller -> plans.write(caller, site, from, to, input.toInput()));
    }

    @Mutation("publishFollowUpPlan")
    @Description("Publishes the follow-up plan's draft of the version read (required: without it, the "
            + "validation problem REST gives)")
    public Uni<FollowUpPlans.Plan> publishFollowUpPlan(@NonNull String site, @NonNull String from, @NonNull String to,
                                                       Integer version) {
        return calls.asCaller(caller -> plans.publish(caller, site, from, to, new FollowUpPlans.PublishInput(version)));
    }
}
