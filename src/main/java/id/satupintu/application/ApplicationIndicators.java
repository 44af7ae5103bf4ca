package id.satupintu.application;

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
 * The applications' daily indicator figures, counted by the site-local date of the history entry (a filing on
 * the day it was filed, a decision on the day it was taken): history is append-only, so a past day's figures
 * never change and are stored once, in {@code application_indicator_day}; today's are computed live.
 */
@ApplicationScoped
public class ApplicationIndicators {

    /** Decisions: what ends the agency's part. A first filing counts as filed, a resubmission does not. */
    private static final String FIGURES = "figures as (select a.site_code, a.agency_code, a.service_code,"
            + " (h.at at time zone sp.time_zone)::date as local_date,"
            + " (count(*) filter (where h.action = 'submit'))::int as filed,"
            + " (count(*) filter (where h.action <> 'submit'))::int as decided,"
            + " (count(*) filter (where h.action <> 'submit' and a.deadline is not null"
            + "   and (h.at at time zone sp.time_zone)::date <= a.deadline))::int as decided_in_time,"
            + " (count(*) filter (where h.action = 'deem-approve'))::int as deemed,"
            + " (count(*) filter (where h.action <> 'submit' and r.returned))::int as returned_decided,"
            + " coalesce(array_agg(working_days_between(a.site_code, a.sla_started_on, (h.at at time zone sp.time_zone)::date))"
            + "   filter (where h.action <> 'submit' and a.sla_started_on is not null), '{}') as decision_days"
            + " from span sp join application_history h on h.at >= sp.first_day::timestamp at time zone sp.time_zone"
            + "   and h.at < (sp.last_day + 1)::timestamp at time zone sp.time_zone"
            + " join application a on a.id = h.application_id and a.site_code = sp.site_code"
            + " left join lateral (select true as returned from application_history x where x.application_id = a.id"
            + "   and x.action = 'return' limit 1) r on true"
            + " where h.action in ('submit', 'approve', 'reject', 'deem-approve')"
            + " group by 1, 2, 3, 4)";

    private static final DailyFigures.Statements SQL = DailyFigures.throughYesterday("satupintu.application.indicators",
            "application_indicator_day", "application_indicator_through", FIGURES,
            "local_date, filed, decided, decided_in_time, deemed, returned_decided, decision_days");

    @Inject
    Pool pool;

    /** Stores every site's days up to yesterday not stored yet; returns how many sites moved on. Once across replicas. */
    public Uni<Integer> materialize(Instant now) {
        return DailyFigures.materialize(pool, SQL.lock(), SQL.materialize(), now);
    }

    /** The figures of the site's local days {@code from} to {@code to}, as of {@code now}; agency and service optional. */
    public Uni<List<ApplicationIndicatorDay>> days(String site, String agency, String service, LocalDate from,
                                                   LocalDate to, Instant now) {
        return DailyFigures.days(pool, SQL.read(), site, agency, service, from, to, now, row ->
                new ApplicationIndicatorDay(row.getLocalDate("local_date"), row.getString("agency_code"),
                        row.getInteger("filed"),
                        row.getInteger("decided"), row.getInteger("decided_in_time"), row.getInteger("deemed"),
                        row.getInteger("returned_decided"), Arrays.asList(row.getArrayOfIntegers("decision_days"))));
    }
}
