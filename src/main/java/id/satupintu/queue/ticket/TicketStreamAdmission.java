package id.satupintu.queue.ticket;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A ticket's events are for those who may read it ({@link TicketService#readable}). */
@Singleton
class TicketStreamAdmission implements StreamAdmission {

    @Inject
    TicketService tickets;

    @Override
    public Class<?> resource() {
        return TicketResource.class;
    }

    /** The ticket's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        return tickets.readable(CurrentUser.signedIn(caller), request.getUriInfo().getPathParameters().getFirst("id"))
                .map(ticket -> "ticket:" + ticket.id());
    }
}
