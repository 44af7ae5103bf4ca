package id.satupintu.queue;

import java.time.LocalDate;
import java.util.List;

/**
 * One site-local day's queue figures for one channel (and, in the table, one agency and service): the counts,
 * and the waits themselves so that a week's or a month's median and p90 are exact, not averaged medians.
 *
 * @param waits          seconds from issue to first call, one per ticket called
 * @param serviceSeconds the summed service time (start to finish) of the tickets served and timed
 * @param priorityWaits  the waits of the priority tickets called
 */
public record QueueIndicatorDay(LocalDate date, String channel, int issued, int served, int noShow, List<Integer> waits,
                                long serviceSeconds, int serviceTimed, int priorityIssued, List<Integer> priorityWaits) {
}
