package id.satupintu.queue.board;

import id.satupintu.queue.ticket.TicketStatus;
import java.time.OffsetDateTime;

/** One call as the hall's display board shows it: a number and where to go. */
public record BoardCall(String number, String lane, int counterNumber, String counterName, TicketStatus status,
                        OffsetDateTime calledAt, int callCount) {
}
