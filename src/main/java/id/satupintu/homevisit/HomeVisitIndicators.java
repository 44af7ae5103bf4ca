package id.satupintu.homevisit;

import id.satupintu.platform.jobs.DailyFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The home visits' daily indicator figures: a request counts on the site-local date it was made
 * ({@code requested_on}), an outcome on the date the team reported it ({@code reported_on}), both dates from the
 * service's clock. Neither changes once written (DONE and FAILED are final), so a past day's figures are stored
 * once, in {@code home_visit_indicator_day}; today's are computed live. The days to the visit are those of the
 * visits done: the request was served on its visit day.
 */
@ApplicationScoped
public class HomeVisitIndicators {

    private static final String FIGURES = "figures as (select f.site_code, f.agency_code, f.service_code, f.local_date,"
            + " (count(*) filter (where f.kind = 'REQUESTED'))::int as requested,"
            + " (count(*) filter (where f.kind = 'DONE'))::int as done,"
            + " (count(*) filter (where f.kind = 'FAILED'))::int as failed,"
            + " coalesce(array_agg(working_days_between(f.site_code, f.requested_on, f.visit_date))"
            + "   filter (where f.kind = 'DONE'), '{}') as working_days_to_visit,"
            + " coalesce(array_agg(f.visit_date - f.requested_on) filter (where f.kind = 'DONE'), '{}')"
            + "   as calendar_days_to_visit"
            + " from (select h.site_code, h.agency_code, h.service_code, h.requested_on as local_date,"
            + "   'REQUESTED' as kind, h.requested_on, null::date as visit_date"
            + "   from span sp join home_visit h on h.site_code = sp.site_code"
            + "   and h.requested_on between sp.first_day and sp.last_day"
            + " union all select h.site_code, h.agency_code, h.service_code, h.reported_on, h.state, h.requested_on,"
            + "   d.visit_date"
            + "   from span sp join home_visit h on h.site_code = sp.site_code"
            + "   and h.reported_on between sp.first_day and sp.last_day"
            + "   left join home_visit_day d on d.id = h.visit_day_id"
            + "   where h.state in ('DONE', 'FAILED')) f"
            + " group by 1, 2, 3, 4)";

    private static final DailyFigures.Statements SQL = DailyFigures.throughYesterday("satupintu.homevisit.indicators",
            "home_visit_indicator_day", "home_visit_indicator_through", FIGURES,
            "local_date, requested, done, failed, working_days_to_visit, calendar_days_to_visit");

    @Inject
    Pool pool;

    /** Stores every site's days up to yesterday not stored yet; returns how many sites moved on. Once across replicas. */
    public Uni<Integer> materialize(Instant now) {
        return DailyFigures.materialize(pool, SQL.lock(), SQL.materialize(), now);
    }

    /** The figures of the site's local days {@code from} to {@code to}, as of {@code now}; agency and service optional. */
    public Uni<List<HomeVisitIndicatorDay>> days(String site, String agency, String service, LocalDate from,
                                                 LocalDate to, Instant now) {
        return DailyFigures.days(pool, SQL.read(), site, agency, service, from, to, now, row ->
                new HomeVisitIndicatorDay(row.getLocalDate("local_date"), row.getInteger("requested"),
                        row.getInteger("done"), row.getInteger("failed"),
                        Arrays.asList(row.getArrayOfIntegers("working_days_to_visit")),
                        Arrays.asList(row.getArrayOfIntegers("calendar_days_to_visit"))));
    }
}
