package id.satupintu.queue;

import id.satupintu.queue.board.BoardResource;
import id.satupintu.queue.booking.BookingResource;
import id.satupintu.queue.booking.BookingService;
import id.satupintu.queue.ticket.TicketResource;
import id.satupintu.queue.ticket.TicketService;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * An SSE response starts (200 and headers) as soon as the resource method returns, so an unknown
 * ticket, booking or site, or a caller who may not follow the ticket or booking, is refused here,
 * before the method runs.
 */
public class StreamGuard {

    @Inject
    CurrentUser currentUser;

    @Inject
    TicketService tickets;

    @Inject
    BookingService bookings;

    @ServerRequestFilter
    public Uni<Void> check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!"events".equals(resource.getMethodName())) {
            return Uni.createFrom().voidItem();
        }
        if (resource.getResourceClass() == TicketResource.class) {
            String id = request.getUriInfo().getPathParameters().getFirst("id");
            return currentUser.require().flatMap(caller -> tickets.readable(caller, id)).replaceWithVoid();
        }
        if (resource.getResourceClass() == BookingResource.class) {
            String id = request.getUriInfo().getPathParameters().getFirst("id");
            return currentUser.require().flatMap(caller -> bookings.view(caller, id)).replaceWithVoid();
        }
        if (resource.getResourceClass() == BoardResource.class) {
            return tickets.site(request.getUriInfo().getPathParameters().getFirst("code")).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
