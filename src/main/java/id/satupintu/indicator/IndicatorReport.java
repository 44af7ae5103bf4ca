package id.satupintu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * The service indicators of a site (optionally one agency and service) over its local dates from..to, one entry
 * per period. Percentages are of 100, two decimals; a figure without anything to measure (no ticket called, no
 * decision) is null, not 0.
 */
@Name("IndicatorReport")
public record IndicatorReport(String site, String agency, String service, LocalDate from, LocalDate to,
                              Granularity granularity, int priorityWithinMinutes, List<PeriodFigures> periods) {

    @Name("IndicatorPeriod")
    public record PeriodFigures(LocalDate from, LocalDate to, QueueFigures queue, ApplicationFigures applications,
                                ComplaintFigures complaints, HomeVisitFigures homeVisits,
                                SatisfactionFigures ikm) {
    }

    @Name("IndicatorChannelCount")
    public record ChannelCount(String channel, long issued) {
    }

    /**
     * Waits run from issue to first call, over the tickets called; service time from start to finish of those
     * served. {@code priorityWithinTargetPercent}: priority tickets called within the configured minutes, of the
     * priority tickets issued.
     */
    @Name("IndicatorQueue")
    public record QueueFigures(long issued, List<ChannelCount> issuedByChannel, long served, long noShows,
                               BigDecimal waitSecondsMean, BigDecimal waitSecondsMedian, BigDecimal waitSecondsP90,
                               BigDecimal serviceSecondsMean, long priorityIssued, long priorityWithinTarget,
                               BigDecimal priorityWithinTargetPercent) {
    }

    /**
     * {@code decidedInTimePercent}: decisions within the standard's working days (by the deadline the SLA clock
     * set); {@code returnedForRevisionPercent}: decisions on applications returned for revision at least once.
     */
    @Name("IndicatorApplications")
    public record ApplicationFigures(long filed, long decided, BigDecimal decidedInTimePercent, long deemedApprovals,
                                     BigDecimal medianWorkingDaysToDecision, BigDecimal returnedForRevisionPercent) {
    }

    @Name("IndicatorComplaints")
    public record ComplaintFigures(long received, long verified, BigDecimal verifiedWithin3WorkingDaysPercent,
                                   long resolved, BigDecimal resolvedWithinDeadlinePercent, long reopened,
                                   long rated, BigDecimal meanRating) {
    }

    /**
     * Home visits (jemput bola): requests received in the period, visits the team reported done or failed in it
     * and, over the visits done, the working days (the site's calendar) and calendar days from the request to the
     * visit's day.
     */
    @Name("IndicatorHomeVisits")
    public record HomeVisitFigures(long requested, long done, long failed, BigDecimal medianWorkingDaysToVisit,
                                   BigDecimal meanWorkingDaysToVisit, BigDecimal medianCalendarDaysToVisit,
                                   BigDecimal meanCalendarDaysToVisit) {
    }

    /** The satisfaction index of the period, as the survey feature computes and publishes it. */
    @Name("IndicatorIkm")
    public record SatisfactionFigures(long respondents, BigDecimal ikm, String grade) {
    }
}
