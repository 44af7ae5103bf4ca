package id.satupintu.queue;

import id.satupintu.platform.security.Caller;
import id.satupintu.queue.ticket.TicketService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The queue's tickets as other features reach them (a complaint about a ticket, say). */
@ApplicationScoped
public class QueueTickets {

    @Inject
    TicketService tickets;

    /**
     * The ticket, when the caller may read it: its holder, the device or member of staff that issued it,
     * and the site's staff. Anyone else is refused (403); an unknown or malformed id is not found (404).
     */
    public Uni<QueueTicket> readable(Caller caller, String id) {
        return tickets.readable(caller, id)
                .map(ticket -> new QueueTicket(ticket.id(), ticket.number(), ticket.siteCode(), ticket.holderId()));
    }
}
