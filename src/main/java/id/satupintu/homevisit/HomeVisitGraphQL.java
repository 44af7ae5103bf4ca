package id.satupintu.homevisit;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.application.ApplicationGraphQL;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.web.PageSize;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Home visits over GraphQL: the same service and rules as the REST API. */
@GraphQLApi
public class HomeVisitGraphQL {

    @Inject
    GraphQLCalls calls;

    @Inject
    HomeVisitService visits;

    @Inject
    LiveStreams live;

    @Inject
    ObjectMapper mapper;

    @Query
    @Description("A home visit, for the account that asked for it and the agency's staff")
    public Uni<HomeVisitView> homeVisit(@NonNull String id) {
        return calls.asCaller(caller -> visits.find(caller, id));
    }

    @Query
    @Description("The home visits the caller asked for, newest first")
    public Uni<List<HomeVisitView>> myHomeVisits() {
        return calls.asCaller(visits::mine);
    }

    /** One page of the supervisor's list and the cursor of the next (null on the last), as REST's {@code Page}. */
    @Name("HomeVisitConnection")
    public record HomeVisitConnection(List<HomeVisitView> items, String nextCursor) {
    }

    @Query
    @Description("The agency's home visits by kecamatan and kelurahan, for the supervisor's map; after: nextCursor")
    public Uni<HomeVisitConnection> homeVisits(String agency, String kecamatan, String kelurahan, HomeVisitState state,
                                               Integer first, String after) {
        HomeVisitService.Filter filter = new HomeVisitService.Filter(HomeVisitResource.text("agency", agency),
                HomeVisitResource.text("kecamatan", kecamatan), HomeVisitResource.text("kelurahan", kelurahan), state);
        return calls.asCaller(caller -> visits.list(caller, filter, after, PageSize.STANDARD.first(first)))
                .map(page -> new HomeVisitConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("The agency's visit days between from and to, with the places left")
    public Uni<List<VisitDay>> homeVisitDays(LocalDate from, LocalDate to) {
        return calls.asCaller(caller -> visits.days(caller, from, to));
    }

    @Mutation
    @Description("Asks for a home visit, for oneself or on a citizen's behalf")
    public Uni<HomeVisitView> requestHomeVisit(@NonNull HomeVisitInput input) {
        return calls.asCaller(caller -> visits.request(caller, input));
    }

    @Mutation
    @Description("Plans a team's visit day (a working day of the site) with its capacity")
    public Uni<VisitDay> createHomeVisitDay(@NonNull VisitDayInput input) {
        return calls.asCaller(caller -> visits.createDay(caller, input));
    }

    @Mutation
    @Description("Puts a waiting request on a visit day, with the time window the citizen is told")
    public Uni<HomeVisitView> scheduleHomeVisit(@NonNull String id, @NonNull ScheduleInput input) {
        return calls.asCaller(caller -> visits.schedule(caller, id, input));
    }

    @Mutation
    public Uni<HomeVisitView> confirmHomeVisit(@NonNull String id) {
        return calls.asCaller(caller -> visits.confirm(caller, id));
    }

    @Mutation
    @Description("The citizen asks for another day")
    public Uni<HomeVisitView> moveHomeVisit(@NonNull String id, @NonNull MoveInput input) {
        return calls.asCaller(caller -> visits.askToMove(caller, id, input));
    }

    @Mutation
    @Description("The team's report: done, failed (with the reason) or rescheduled")
    public Uni<HomeVisitView> reportHomeVisit(@NonNull String id, @NonNull OutcomeInput input) {
        return calls.asCaller(caller -> visits.report(caller, id, input));
    }

    @Mutation
    @Description("A team member opens the visit's application on site; formJson is the form as a JSON object")
    public Uni<HomeVisitView> openHomeVisitApplication(@NonNull String id, String formJson) {
        return calls.asCaller(caller -> visits.openApplication(caller, id,
                new OpenApplicationInput(ApplicationGraphQL.form(mapper, formJson))));
    }

    @Subscription
    @Description("A home visit's changes (requested, scheduled, confirmed, moved, done, failed...) as they happen")
    public Multi<HomeVisitEvent> homeVisitEvents(@NonNull String id) {
        return calls.asCaller(caller -> visits.streamOf(caller, id))
                .onItem().transformToMulti(stream -> live.events(stream, 0))
                .map(HomeVisitEvent::of);
    }
}
