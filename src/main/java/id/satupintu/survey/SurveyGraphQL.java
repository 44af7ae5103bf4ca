package id.satupintu.survey;

import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.web.ClientAddress;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The survey over GraphQL: the same operations as REST, through the same services. */
@GraphQLApi
public class SurveyGraphQL {

    @Inject
    GraphQLCalls calls;

    @Inject
    SurveyAnswers answers;

    @Inject
    IkmService ikm;

    @Inject
    CounterSurveys counterSurveys;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ClientAddress clientAddress;

    @Query("survey")
    @Description("The questionnaire of a survey token (Indonesian; English with Accept-Language: en)")
    public Uni<Questionnaire> survey(@NonNull String token) {
        return calls.run(() -> answers.questionnaire(token, calls.locale()));
    }

    @Mutation
    @Description("Answers a survey: all nine elements, once per transaction")
    public Uni<SurveyReceipt> answerSurvey(@NonNull String token, @NonNull SurveySubmission input) {
        RoutingContext routing = request.getCurrent();
        String address = routing == null ? null : clientAddress.of(routing.request());
        return calls.asAnyone(caller -> answers.answer(caller, token, input.toInput(), address));
    }

    @Query("counterSurvey")
    @Description("For a counter tablet of the counter's site: the survey of the ticket the counter finished last, "
            + "while it is recent and unanswered; null otherwise")
    public Uni<CounterSurvey> counterSurvey(@NonNull String counterId) {
        return calls.asCaller(caller -> counterSurveys.current(caller, counterId, calls.locale())
                .map(survey -> survey.orElse(null)));
    }

    @Query("ikm")
    @Description("The satisfaction index of a site over the site's local dates from..to, inclusive")
    public Uni<IkmReport> ikm(@NonNull String site, String agency, String service, String from, String to) {
        return calls.run(() -> ikm.report(site, agency, service, from, to, calls.locale()));
    }
}
