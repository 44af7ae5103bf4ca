package id.satupintu.queue;

import java.time.LocalDate;
import java.util.List;

/**
 * The queue figures of one site-local hour of one day (and, in the table, one agency and service), by the hour
 * the tickets were issued in: waiting time by hour of the day. The waits are kept so that a period's median and
 * p90 per hour are exact.
 *
 * @param hour  0 to 23, site-local
 * @param waits seconds from issue to first call, one per ticket of the hour called
 */
public record QueueIndicatorHour(LocalDate date, int hour, int issued, int served, List<Integer> waits) {
}
