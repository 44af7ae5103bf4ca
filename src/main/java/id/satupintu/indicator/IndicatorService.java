package id.satupintu.indicator;

import id.satupintu.application.ApplicationIndicatorDay;
import id.satupintu.application.ApplicationIndicators;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import id.satupintu.indicator.IndicatorBreakdown.AgencyFigures;
import id.satupintu.indicator.IndicatorBreakdown.AgencyReport;
import id.satupintu.indicator.IndicatorBreakdown.HourReport;
import id.satupintu.complaint.ComplaintIndicatorDay;
import id.satupintu.complaint.ComplaintIndicators;
import id.satupintu.homevisit.HomeVisitIndicatorDay;
import id.satupintu.homevisit.HomeVisitIndicators;
import id.satupintu.indicator.IndicatorReport.PeriodFigures;
import id.satupintu.indicator.IndicatorReport.SatisfactionFigures;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.QueryParams;
import id.satupintu.queue.QueueIndicatorDay;
import id.satupintu.queue.QueueIndicators;
import id.satupintu.survey.IkmService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The service indicators of a site: each feature hands over its daily figures (stored days plus today live),
 * this service cuts them into periods; the satisfaction index is the survey feature's, per period. For the
 * site's supervisors and admins only. REST and GraphQL both call {@link #report}.
 */
@ApplicationScoped
public class IndicatorService {

    @Inject
    SiteService sites;

    @Inject
    QueueIndicators queue;

    @Inject
    ApplicationIndicators applications;

    @Inject
    ComplaintIndicators complaints;

    @Inject
    HomeVisitIndicators homeVisits;

    @Inject
    IkmService ikm;

    @Inject
    AgencyService agencyProfiles;

    @Inject
    IndicatorConfig config;

    @Inject
    Clock clock;

    /** A request's parameters as given (strings, so that each bad one is named in the 400). */
    public record Query(String site, String agency, String service, String from, String to, String granularity) {
    }

    public Uni<IndicatorReport> report(Caller caller, Query query, Locale locale) {
        return allowed(caller, query, (checked, profile) -> assemble(checked, profile.zone(), clock.now(), locale));
    }

    /**
     * Waiting time by site-local hour of issue over the period (the granularity is not used): the queue's hourly
     * figures, kept like its daily ones, summed per hour over the days.
     */
    public Uni<HourReport> hours(Caller caller, Query query) {
        return allowed(caller, query, (q, profile) -> queue.hours(q.site(), q.agency(), q.service(), q.from(),
                q.to(), clock.now()).map(hours -> new HourReport(q.site(), q.agency(), q.service(), q.from(), q.to(),
                PeriodTotals.hours(hours))));
    }

    /**
     * SLA compliance by agency over the period (the granularity is not used): the applications' daily figures,
     * which are kept per agency, added up per agency, and each agency's short name from the catalog.
     */
    public Uni<AgencyReport> agencies(Caller caller, Query query) {
        return allowed(caller, query, (q, profile) -> applications.days(q.site(), q.agency(), q.service(), q.from(),
                q.to(), clock.now()).flatMap(days -> {
                    Map<String, List<ApplicationIndicatorDay>> byAgency = new TreeMap<>();
                    days.forEach(d -> byAgency.computeIfAbsent(d.agency(), a -> new ArrayList<>()).add(d));
                    return agencyProfiles.byCodes(byAgency.keySet()).map(names -> new AgencyReport(q.site(),
                            q.service(), q.from(), q.to(), byAgency.entrySet().stream().map(e -> new AgencyFigures(
                                    e.getKey(), names.containsKey(e.getKey()) ? names.get(e.getKey()).shortName() : null,
                                    PeriodTotals.applications(e.getValue()))).toList()));
                }));
    }

    /** The one check of every indicator read: role, parameters, then the site and whose it is. */
    private <T> Uni<T> allowed(Caller caller, Query query, BiFunction<Checked, SiteProfile, Uni<T>> read) {
        if (caller.client() || !caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            throw ProblemException.forbidden();
        }
        Checked checked = check(query);
        return sites.find(checked.site()).flatMap(profile -> {
            // A supervisor reads their own site's indicators only; an admin reads every site's.
            if (!caller.hasRole(Roles.ADMIN) && !profile.code().equals(caller.siteCode())) {
                throw ProblemException.forbidden();
            }
            return read.apply(checked, profile);
        });
    }

    /**
     * A site's calendar months from..to, for everyone (the open data): no caller check and no agency or service
     * filter, because what is published is the site's totals, suppressed by {@link SmallCells} before it leaves.
     */
    Uni<IndicatorReport> months(String site, ZoneId zone, LocalDate from, LocalDate to, Locale locale) {
        return assemble(new Checked(site, null, null, from, to, Granularity.MONTH), zone, clock.now(), locale);
    }

    private record Checked(String site, String agency, String service, LocalDate from, LocalDate to,
                           Granularity granularity) {
    }

    private Checked check(Query query) {
        List<FieldError> errors = new ArrayList<>();
        String site = blankToNull(query.site());
        if (site == null) {
            errors.add(FieldError.of("site", "required"));
        }
        LocalDate from = QueryParams.date("from", query.from(), true, errors);
        LocalDate to = QueryParams.date("to", query.to(), true, errors);
        Granularity granularity = granularity(query.granularity(), errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(FieldError.of("from", "indicator-dates"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > config.indicators().maxDays()) {
                errors.add(FieldError.of("to", "indicator-range", config.indicators().maxDays()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Checked(site, blankToNull(query.agency()), blankToNull(query.service()), from, to, granularity);
    }

    /** The four features' days one after the other (one connection each, no shared session), then the periods. */
    private Uni<IndicatorReport> assemble(Checked q, ZoneId zone, Instant now, Locale locale) {
        int minutes = config.indicators().priorityWithinMinutes();
        List<Granularity.Period> periods = q.granularity().periods(q.from(), q.to());
        return queue.days(q.site(), q.agency(), q.service(), q.from(), q.to(), now)
                .flatMap(queueDays -> applications.days(q.site(), q.agency(), q.service(), q.from(), q.to(), now)
                .flatMap(applicationDays -> complaints.days(q.site(), q.agency(), q.service(), q.from(), q.to(), now)
                .flatMap(complaintDays -> homeVisits.days(q.site(), q.agency(), q.service(), q.from(), q.to(), now)
                .flatMap(visitDays -> satisfaction(q, zone, periods, locale).map(indices -> {
                    List<PeriodFigures> figures = new ArrayList<>();
                    for (int i = 0; i < periods.size(); i++) {
                        Granularity.Period p = periods.get(i);
                        figures.add(new PeriodFigures(p.from(), p.to(),
                                PeriodTotals.queue(within(queueDays, QueueIndicatorDay::date, p), minutes),
                                PeriodTotals.applications(within(applicationDays, ApplicationIndicatorDay::date, p)),
                                PeriodTotals.complaints(within(complaintDays, ComplaintIndicatorDay::date, p)),
                                PeriodTotals.homeVisits(within(visitDays, HomeVisitIndicatorDay::date, p)),
                                indices.get(i)));
                    }
                    return new IndicatorReport(q.site(), q.agency(), q.service(), q.from(), q.to(), q.granularity(),
                            minutes, figures);
                })))));
    }

    /** The survey's own index per period, in sequence: it publishes the IKM, this report repeats it. */
    private Uni<List<SatisfactionFigures>> satisfaction(Checked q, ZoneId zone, List<Granularity.Period> periods,
                                                        Locale locale) {
        return Multi.createFrom().iterable(periods)
                .onItem().transformToUniAndConcatenate(p -> ikm.report(q.site(), zone, q.agency(), q.service(),
                        p.from(), p.to(), locale))
                .map(r -> new SatisfactionFigures(r.respondents(), r.ikm(), r.grade()))
                .collect().asList();
    }

    private static <T> List<T> within(List<T> days, Function<T, LocalDate> date, Granularity.Period period) {
        return days.stream().filter(d -> !date.apply(d).isBefore(period.from()) && !date.apply(d).isAfter(period.to()))
                .toList();
    }


    private static Granularity granularity(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("granularity", "indicator-granularity"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
