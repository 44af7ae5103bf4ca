package id.satupintu.indicator;

import id.satupintu.indicator.IndicatorReport.ApplicationFigures;
import id.satupintu.indicator.IndicatorReport.ComplaintFigures;
import id.satupintu.indicator.IndicatorReport.HomeVisitFigures;
import id.satupintu.indicator.IndicatorReport.PeriodFigures;
import id.satupintu.indicator.IndicatorReport.QueueFigures;
import id.satupintu.platform.web.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as CSV (RFC 4180): one row per period, one column per figure, named as the JSON fields are
 * (nested names joined by a dot); a figure that is null in JSON is an empty cell. Rows are written by the
 * platform's {@link Csv}, which the published IKM report uses too.
 */
final class IndicatorCsv {

    private IndicatorCsv() {
    }

    static List<String> header() {
        List<String> columns = new ArrayList<>(List.of("from", "to", "queue.issued"));
        PeriodTotals.CHANNELS.forEach(c -> columns.add("queue.issued." + c.toLowerCase(Locale.ROOT)));
        columns.addAll(List.of("queue.served", "queue.noShows", "queue.waitSecondsMean", "queue.waitSecondsMedian",
                "queue.waitSecondsP90", "queue.serviceSecondsMean", "queue.priorityIssued", "queue.priorityWithinTarget",
                "queue.priorityWithinTargetPercent", "applications.filed", "applications.decided",
                "applications.decidedInTimePercent", "applications.deemedApprovals",
                "applications.medianWorkingDaysToDecision", "applications.returnedForRevisionPercent",
                "complaints.received", "complaints.verified", "complaints.verifiedWithin3WorkingDaysPercent",
                "complaints.resolved", "complaints.resolvedWithinDeadlinePercent", "complaints.reopened",
                "complaints.rated", "complaints.meanRating", "homeVisits.requested", "homeVisits.done",
                "homeVisits.failed", "homeVisits.medianWorkingDaysToVisit", "homeVisits.meanWorkingDaysToVisit",
                "homeVisits.medianCalendarDaysToVisit", "homeVisits.meanCalendarDaysToVisit", "ikm.respondents", "ikm.ikm", "ikm.grade"));
        return columns;
    }

    static String write(IndicatorReport report) {
        return write(header(), report.periods().stream().map(IndicatorCsv::cells).toList());
    }

    /** One period's cells, in the order of {@link #header()}; a figure without anything to measure is null. */
    static List<Object> cells(PeriodFigures p) {
        QueueFigures q = p.queue();
        ApplicationFigures a = p.applications();
        ComplaintFigures c = p.complaints();
        HomeVisitFigures v = p.homeVisits();
        List<Object> cells = new ArrayList<>(List.of(p.from(), p.to(), q.issued()));
        q.issuedByChannel().forEach(channel -> cells.add(channel.issued()));
        cells.addAll(java.util.Arrays.asList(q.served(), q.noShows(), q.waitSecondsMean(), q.waitSecondsMedian(),
                q.waitSecondsP90(), q.serviceSecondsMean(), q.priorityIssued(), q.priorityWithinTarget(),
                q.priorityWithinTargetPercent(), a.filed(), a.decided(), a.decidedInTimePercent(),
                a.deemedApprovals(), a.medianWorkingDaysToDecision(), a.returnedForRevisionPercent(), c.received(),
                c.verified(), c.verifiedWithin3WorkingDaysPercent(), c.resolved(), c.resolvedWithinDeadlinePercent(),
                c.reopened(), c.rated(), c.meanRating(), v.requested(), v.done(), v.failed(),
                v.medianWorkingDaysToVisit(), v.meanWorkingDaysToVisit(), v.medianCalendarDaysToVisit(),
                v.meanCalendarDaysToVisit(), p.ikm().respondents(), p.ikm().ikm(), p.ikm().grade()));
        return cells;
    }

    /** The header line and one line per row, through the platform's {@link Csv}. */
    static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(Csv.row(header));
        for (List<Object> cells : rows) {
            out.append(Csv.row(cells));
        }
        return out.toString();
    }
}
