package id.satupintu.indicator;

import id.satupintu.indicator.IndicatorReport.ApplicationFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * The indicators of a site's local dates from..to cut another way than by period: by hour of the day and by
 * agency (the dashboard's charts). Same definitions, rounding and nulls as {@link IndicatorReport}.
 */
public final class IndicatorBreakdown {

    private IndicatorBreakdown() {
    }

    /** Waiting time by site-local hour of issue, always 24 entries, hour 0 to 23. */
    @Name("IndicatorHours")
    public record HourReport(String site, String agency, String service, LocalDate from, LocalDate to,
                             List<HourFigures> hours) {
    }

    /**
     * The tickets issued in one hour of the day over the period: {@code called} those called, over which the waits
     * (issue to first call) are measured; {@code served} those finished.
     */
    @Name("IndicatorHour")
    public record HourFigures(int hour, long issued, long called, long served, BigDecimal waitSecondsMean,
                              BigDecimal waitSecondsMedian, BigDecimal waitSecondsP90) {
    }

    /** SLA compliance by agency: one entry per agency with applications filed or decided in the period, by code. */
    @Name("IndicatorAgencies")
    public record AgencyReport(String site, String service, LocalDate from, LocalDate to,
                               List<AgencyFigures> agencies) {
    }

    /** One agency's application figures of the period; {@code agencyName} its short name in the catalog. */
    @Name("IndicatorAgency")
    public record AgencyFigures(String agency, String agencyName, ApplicationFigures applications) {
    }
}
