package id.satupintu.indicator;

import id.satupintu.indicator.IndicatorBreakdown.AgencyReport;
import id.satupintu.indicator.IndicatorBreakdown.HourReport;
import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The service indicators over GraphQL, through the same service and rules as REST. */
@GraphQLApi
public class IndicatorGraphQL {

    @Inject
    GraphQLCalls calls;

    @Inject
    IndicatorService indicators;

    @Query("indicators")
    @Description("The service indicators of a site over its local dates from..to (inclusive), per day, week or month;"
            + " for the site's supervisors and admins")
    public Uni<IndicatorReport> indicators(@NonNull String site, String agency, String service, @NonNull String from,
                                           @NonNull String to, String granularity) {
        return calls.asCaller(caller -> indicators.report(caller,
                new IndicatorService.Query(site, agency, service, from, to, granularity), calls.locale()));
    }

    @Query("indicatorHours")
    @Description("Waiting time by site-local hour of issue (0-23) over a site's local dates from..to (inclusive);"
            + " for the site's supervisors and admins")
    public Uni<HourReport> indicatorHours(@NonNull String site, String agency, String service, @NonNull String from,
                                          @NonNull String to) {
        return calls.asCaller(caller -> indicators.hours(caller,
                new IndicatorService.Query(site, agency, service, from, to, null)));
    }

    @Query("indicatorAgencies")
    @Description("The application figures (decisions in time...) per agency over a site's local dates from..to"
            + " (inclusive); for the site's supervisors and admins")
    public Uni<AgencyReport> indicatorAgencies(@NonNull String site, String agency, String service,
                                               @NonNull String from, @NonNull String to) {
        return calls.asCaller(caller -> indicators.agencies(caller,
                new IndicatorService.Query(site, agency, service, from, to, null)));
    }
}
