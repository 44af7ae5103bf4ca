package id.satupintu.queue;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A counter (loket) as other features see it: its site, number and name, and the ticket it finished last
 * ({@code lastFinished} null while it has finished none), for the survey's counter tablet.
 */
public record QueueCounter(UUID id, String siteCode, int number, String name, FinishedTicket lastFinished) {

    /** A ticket served to the end (DONE) at the counter: its number, service and when it was finished. */
    public record FinishedTicket(UUID id, String number, String serviceCode, OffsetDateTime finishedAt) {
    }
}
