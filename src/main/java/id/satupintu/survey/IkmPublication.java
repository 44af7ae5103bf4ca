package id.satupintu.survey;

import id.satupintu.catalog.SiteService;
import id.satupintu.platform.web.Csv;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.graphql.Name;

/**
 * The report the office publishes for a period (PermenPANRB 14/2017 asks for the IKM, what is to be improved and
 * the follow-up): the IKM figures, the lowest elements as improvement priorities, the respondents' profile, the
 * published suggestions (stripped copies only) and the published follow-up plans. Public.
 */
@ApplicationScoped
public class IkmPublication {

    /** How many of the lowest elements the report names as priorities. */
    static final int PRIORITIES = 3;
    static final String UNKNOWN = "unknown";
    static final List<String> AGE_BANDS = List.of("<20", "20-29", "30-39", "40-49", "50-59", "60+");

    /** The respondents counted by each profile question; "unknown" counts those who left it empty. */
    @Name("IkmRespondentProfile")
    public record Profile(Map<String, Long> sex, Map<String, Long> age, Map<String, Long> education,
                          Map<String, Long> occupation) {
    }

    @Name("IkmPublication")
    public record Report(IkmReport ikm, List<IkmReport.ElementIndex> priorities, Profile profile,
                         List<SuggestionModeration.Published> suggestions,
                         List<FollowUpPlans.PublishedPlan> followUpPlans) {
    }

    private static final String PROFILE = "select grouping(sex) as g_sex, grouping(band) as g_band, "
            + "grouping(education) as g_education, grouping(occupation) as g_occupation, sex, band, education, "
            + "occupation, count(*) as n from (select r.sex, case when r.age is null then null when r.age < 20 then "
            + "'<20' when r.age < 30 then '20-29' when r.age < 40 then '30-39' when r.age < 50 then '40-49' "
            + "when r.age < 60 then '50-59' else '60+' end as band, r.education, r.occupation "
            + "from survey_response r join survey_invitation i on i.id = r.invitation_id "
            + "where i.site_code = $1 and i.ended_at >= $2 and i.ended_at < $3 "
            + "and ($4::text is null or i.agency_code = $4) and ($5::text is null or i.service_code = $5)) x "
            + "group by grouping sets ((sex), (band), (education), (occupation))";

    @Inject
    IkmService ikm;

    @Inject
    SiteService sites;

    @Inject
    SuggestionModeration suggestions;

    @Inject
    FollowUpPlans plans;

    @Inject
    Pool pool;

    public Uni<Report> report(String site, String agency, String service, String from, String to, Locale locale) {
        return ikm.report(site, agency, service, from, to, locale).flatMap(figures -> sites.find(figures.site())
                .flatMap(profile -> {
                    ZoneId zone = profile.zone();
                    return profile(figures, zone).flatMap(counts -> suggestions.published(figures.site(), zone,
                                    figures.agency(), figures.service(), figures.from(), figures.to())
                            .flatMap(published -> plans.published(figures.site(), figures.from(), figures.to())
                                    .map(followUp -> new Report(figures, priorities(figures), counts, published,
                                            followUp))));
                }));
    }

    /** The lowest elements (by index, then number), of those with answers: what the office should improve first. */
    static List<IkmReport.ElementIndex> priorities(IkmReport figures) {
        return figures.elements().stream().filter(e -> e.ikm() != null)
                .sorted(Comparator.comparing(IkmReport.ElementIndex::ikm)
                        .thenComparingInt(IkmReport.ElementIndex::element))
                .limit(PRIORITIES).toList();
    }

    private Uni<Profile> profile(IkmReport figures, ZoneId zone) {
        Profile profile = new Profile(zeros(List.of("L", "P")), zeros(AGE_BANDS), zeros(SurveyElements.EDUCATION),
                zeros(SurveyElements.OCCUPATION));
        return pool.preparedQuery(PROFILE).execute(Tuple.of(figures.site(),
                        figures.from().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                        figures.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                                .withOffsetSameInstant(ZoneOffset.UTC),
                        figures.agency(), figures.service()))
                .map(rows -> {
                    for (Row row : rows) {
                        long n = row.getLong("n");
                        if (row.getInteger("g_sex") == 0) {
                            add(profile.sex(), row.getString("sex"), n);
                        } else if (row.getInteger("g_band") == 0) {
                            add(profile.age(), row.getString("band"), n);
                        } else if (row.getInteger("g_education") == 0) {
                            add(profile.education(), row.getString("education"), n);
                        } else {
                            add(profile.occupation(), row.getString("occupation"), n);
                        }
                    }
                    return profile;
                });
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, 0L));
        out.put(UNKNOWN, 0L);
        return out;
    }

    private static void add(Map<String, Long> counts, String key, long n) {
        counts.merge(key == null ? UNKNOWN : key, n, Long::sum);
    }

    /**
     * The report's figures as CSV, one figure a row (section, key, name, value): the IKM, each element, the
     * priorities and the profile counts. Suggestions and plans are text, not figures, and stay in the JSON.
     */
    static String csv(Report report) {
        IkmReport f = report.ikm();
        StringBuilder out = new StringBuilder(Csv.row(List.of("section", "key", "name", "value")));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList("period", "from", null, f.from()));
        rows.add(java.util.Arrays.asList("period", "to", null, f.to()));
        rows.add(java.util.Arrays.asList("ikm", "respondents", null, f.respondents()));
        rows.add(java.util.Arrays.asList("ikm", "population", null, f.population()));
        rows.add(java.util.Arrays.asList("ikm", "sampleTarget", null, f.sampleTarget()));
        rows.add(java.util.Arrays.asList("ikm", "sampleMet", null, f.sampleMet()));
        rows.add(java.util.Arrays.asList("ikm", "ikm", null, f.ikm()));
        rows.add(java.util.Arrays.asList("ikm", "grade", f.gradeLabel(), f.grade()));
        for (IkmReport.ElementIndex e : f.elements()) {
            rows.add(java.util.Arrays.asList("element.nrr", e.element(), e.name(), e.nrr()));
            rows.add(java.util.Arrays.asList("element.ikm", e.element(), e.name(), e.ikm()));
        }
        int rank = 1;
        for (IkmReport.ElementIndex e : report.priorities()) {
            rows.add(java.util.Arrays.asList("priority." + rank++, e.element(), e.name(), e.ikm()));
        }
        Profile p = report.profile();
        p.sex().forEach((k, v) -> rows.add(java.util.Arrays.asList("profile.sex", k, null, v)));
        p.age().forEach((k, v) -> rows.add(java.util.Arrays.asList("profile.age", k, null, v)));
        p.education().forEach((k, v) -> rows.add(java.util.Arrays.asList("profile.education", k, null, v)));
        p.occupation().forEach((k, v) -> rows.add(java.util.Arrays.asList("profile.occupation", k, null, v)));
        rows.forEach(r -> out.append(Csv.row(r)));
        return out.toString();
    }

}
