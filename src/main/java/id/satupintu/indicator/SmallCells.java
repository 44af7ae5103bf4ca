package id.satupintu.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one small-cell rule of the open data, for JSON and CSV alike: a cell that describes fewer than
 * {@link #MINIMUM} people is withheld, and so is every figure derived from such a cell (a mean wait over 4
 * served tickets says as much about those 4 people as their count does). Each column names the counts it
 * describes: a count names itself, a derived figure the count it is computed over. Zero is fewer than ten too:
 * it is withheld rather than shown next to withheld neighbours, so a 0 never tells which cells are small.
 */
final class SmallCells {

    static final int MINIMUM = 10;

    /** Derived column → the count columns it is computed over (a column not listed is a count of people itself). */
    private static final Map<String, List<String>> BASES = Map.ofEntries(
            Map.entry("queue.waitSecondsMean", List.of("queue.served")),
            Map.entry("queue.waitSecondsMedian", List.of("queue.served")),
            Map.entry("queue.waitSecondsP90", List.of("queue.served")),
            Map.entry("queue.serviceSecondsMean", List.of("queue.served")),
            Map.entry("queue.priorityWithinTarget", List.of("queue.priorityWithinTarget", "queue.priorityIssued")),
            Map.entry("queue.priorityWithinTargetPercent", List.of("queue.priorityIssued", "queue.priorityWithinTarget")),
            Map.entry("applications.decidedInTimePercent", List.of("applications.decided")),
            Map.entry("applications.medianWorkingDaysToDecision", List.of("applications.decided")),
            Map.entry("applications.returnedForRevisionPercent", List.of("applications.decided")),
            Map.entry("complaints.verifiedWithin3WorkingDaysPercent", List.of("complaints.verified")),
            Map.entry("complaints.resolvedWithinDeadlinePercent", List.of("complaints.resolved")),
            Map.entry("complaints.meanRating", List.of("complaints.rated")),
            Map.entry("homeVisits.medianWorkingDaysToVisit", List.of("homeVisits.done")),
            Map.entry("homeVisits.meanWorkingDaysToVisit", List.of("homeVisits.done")),
            Map.entry("homeVisits.medianCalendarDaysToVisit", List.of("homeVisits.done")),
            Map.entry("homeVisits.meanCalendarDaysToVisit", List.of("homeVisits.done")),
            Map.entry("ikm.ikm", List.of("ikm.respondents")),
            Map.entry("ikm.grade", List.of("ikm.respondents")));

    /** Columns that are not figures about people: the period's dates. */
    private static final List<String> PERIOD = List.of("from", "to");

    private SmallCells() {
    }

    /** One row after the rule: its cells (withheld ones null) and the names of the withheld columns. */
    record Row(List<Object> cells, List<String> suppressed) {
    }

    static Row apply(List<String> header, List<Object> cells) {
        List<Object> out = new ArrayList<>(cells);
        List<String> suppressed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (PERIOD.contains(column)) {
                continue;
            }
            for (String base : BASES.getOrDefault(column, List.of(column))) {
                Object count = cells.get(header.indexOf(base));
                if (count instanceof Number n && n.longValue() < MINIMUM) {
                    out.set(i, null);
                    suppressed.add(column);
                    break;
                }
            }
        }
        return new Row(out, List.copyOf(suppressed));
    }
}
