package id.satupintu.survey;

import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published satisfaction index (IKM) of a site over a period. One statement counts the period's ended
 * transactions and sums each element's scores over their answers; {@link Ikm} does the arithmetic.
 */
@ApplicationScoped
public class IkmService {

    private static final String FIGURES = "select count(i.id) as population, count(r.invitation_id) as respondents, "
            + "coalesce(sum(r.u1), 0) as t1, coalesce(sum(r.u2), 0) as t2, coalesce(sum(r.u3), 0) as t3, "
            + "coalesce(sum(r.u4), 0) as t4, coalesce(sum(r.u5), 0) as t5, coalesce(sum(r.u6), 0) as t6, "
            + "coalesce(sum(r.u7), 0) as t7, coalesce(sum(r.u8), 0) as t8, coalesce(sum(r.u9), 0) as t9 "
            + "from survey_invitation i left join survey_response r on r.invitation_id = i.id "
            + "where i.site_code = $1 and i.ended_at >= $2 and i.ended_at < $3 "
            + "and ($4::text is null or i.agency_code = $4) and ($5::text is null or i.service_code = $5)";

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    SurveyElements elements;

    @Inject
    Clock clock;

    /**
     * The IKM of {@code site} (required), optionally of one agency and one service, between the site's local
     * dates {@code from} and {@code to} (ISO dates, inclusive); {@code to} defaults to today at the site and
     * {@code from} to the first of January of {@code to}'s year.
     */
    public Uni<IkmReport> report(String site, String agency, String service, String from, String to, Locale locale) {
        String siteCode = blankToNull(site);
        if (siteCode == null) {
            throw ProblemException.validation("site", "required");
        }
        LocalDate fromDate = QueryParams.parseDate("from", from);
        LocalDate toDate = QueryParams.parseDate("to", to);
        String agencyCode = blankToNull(agency);
        String serviceCode = blankToNull(service);
        return sites.find(siteCode).flatMap(profile -> {
            ZoneId zone = profile.zone();
            LocalDate last = toDate != null ? toDate : clock.today(zone);
            LocalDate first = fromDate != null ? fromDate : last.withDayOfYear(1);
            if (first.isAfter(last)) {
                throw ProblemException.validation("from", "survey-dates");
            }
            return report(siteCode, zone, agencyCode, serviceCode, first, last, locale);
        });
    }

    /**
     * The IKM of a site already looked up (its zone known) between its local dates {@code first} and {@code last},
     * inclusive; agency and service optional (null). For other features' reports (the service indicators), which
     * publish the same index rather than compute one of their own.
     */
    public Uni<IkmReport> report(String siteCode, ZoneId zone, String agencyCode, String serviceCode, LocalDate first,
                                 LocalDate last, Locale locale) {
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return pool.preparedQuery(FIGURES)
                .execute(Tuple.of(siteCode, start, end, agencyCode, serviceCode))
                .map(rows -> report(rows.iterator().next(), siteCode, agencyCode, serviceCode, first, last, locale));
    }

    private IkmReport report(Row row, String site, String agency, String service, LocalDate from, LocalDate to,
                             Locale locale) {
        long population = row.getLong("population");
        long respondents = row.getLong("respondents");
        long[] totals = new long[Ikm.ELEMENTS];
        List<IkmReport.ElementIndex> perElement = new ArrayList<>();
        for (int e = 1; e <= Ikm.ELEMENTS; e++) {
            totals[e - 1] = row.getLong("t" + e);
            BigDecimal index = Ikm.elementIndex(totals[e - 1], respondents);
            perElement.add(new IkmReport.ElementIndex(e, elements.name(locale, e), Ikm.nrr(totals[e - 1], respondents),
                    index, Ikm.grade(index)));
        }
        BigDecimal ikm = Ikm.index(totals, respondents);
        String grade = Ikm.grade(ikm);
        int target = SampleSizes.target(population);
        return new IkmReport(site, agency, service, from, to, respondents, population, target,
                respondents > 0 && respondents >= target, perElement, ikm, grade, elements.gradeLabel(locale, grade));
    }

    /** A query's optional local date; a malformed one is the field's 400. Shared by the survey reads. */

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
