package id.satupintu.complaint;

import id.satupintu.platform.jobs.DailyFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The complaints' daily indicator figures, counted by the site-local date of the history entry, stored once a
 * day is over in {@code complaint_indicator_day}; today's are computed live. The agency is the one the complaint
 * was forwarded to, else the one it names; '' when none.
 */
@ApplicationScoped
public class ComplaintIndicators {

    /**
     * Verification within 3 working days of filing is the national complaint-handling rule (PermenPANRB 62/2018),
     * whatever deadline a site configures; a resolution is in time on or before the follow-up deadline.
     */
    private static final String FIGURES = "figures as (select c.site_code,"
            + " coalesce(c.forwarded_to, c.agency_code, '') as agency_code, coalesce(c.service_code, '') as service_code,"
            + " (h.at at time zone sp.time_zone)::date as local_date,"
            + " (count(*) filter (where h.action = 'file'))::int as received,"
            + " (count(*) filter (where h.action = 'verify'))::int as verified,"
            + " (count(*) filter (where h.action = 'verify' and working_days_between(c.site_code,"
            + "   (c.created_at at time zone sp.time_zone)::date, (h.at at time zone sp.time_zone)::date) <= 3))::int"
            + "   as verified_in_time,"
            + " (count(*) filter (where h.action = 'resolve'))::int as resolved,"
            + " (count(*) filter (where h.action = 'resolve' and c.follow_up_due is not null"
            + "   and (h.at at time zone sp.time_zone)::date <= c.follow_up_due))::int as resolved_in_time,"
            + " (count(*) filter (where h.action = 'reopen'))::int as reopened,"
            + " (count(*) filter (where h.action = 'close' and c.rating is not null))::int as rated,"
            + " coalesce(sum(c.rating) filter (where h.action = 'close'), 0)::int as rating_sum"
            + " from span sp join complaint_history h on h.at >= sp.first_day::timestamp at time zone sp.time_zone"
            + "   and h.at < (sp.last_day + 1)::timestamp at time zone sp.time_zone"
            + " join complaint c on c.id = h.complaint_id and c.site_code = sp.site_code"
            + " where h.action in ('file', 'verify', 'resolve', 'reopen', 'close')"
            + " group by 1, 2, 3, 4)";

    private static final DailyFigures.Statements SQL = DailyFigures.throughYesterday("satupintu.complaint.indicators",
            "complaint_indicator_day", "complaint_indicator_through", FIGURES,
            "local_date, received, verified, verified_in_time, resolved, resolved_in_time, reopened, rated, rating_sum");

    @Inject
    Pool pool;

    /** Stores every site's days up to yesterday not stored yet; returns how many sites moved on. Once across replicas. */
    public Uni<Integer> materialize(Instant now) {
        return DailyFigures.materialize(pool, SQL.lock(), SQL.materialize(), now);
    }

    /** The figures of the site's local days {@code from} to {@code to}, as of {@code now}; agency and service optional. */
    public Uni<List<ComplaintIndicatorDay>> days(String site, String agency, String service, LocalDate from,
                                                 LocalDate to, Instant now) {
        return DailyFigures.days(pool, SQL.read(), site, agency, service, from, to, now, row ->
                new ComplaintIndicatorDay(row.getLocalDate("local_date"), row.getInteger("received"),
                        row.getInteger("verified"), row.getInteger("verified_in_time"), row.getInteger("resolved"),
                        row.getInteger("resolved_in_time"), row.getInteger("reopened"), row.getInteger("rated"),
                        row.getInteger("rating_sum")));
    }
}
