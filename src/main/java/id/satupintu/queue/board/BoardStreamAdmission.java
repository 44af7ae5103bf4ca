package id.satupintu.queue.board;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.StreamAdmission;
import id.satupintu.queue.ticket.TicketService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The board is public, as on the screen in the hall; only an unknown site is refused (404). */
@Singleton
class BoardStreamAdmission implements StreamAdmission {

    @Inject
    TicketService tickets;

    @Override
    public Class<?> resource() {
        return BoardResource.class;
    }

    /** The site's board stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        String siteCode = request.getUriInfo().getPathParameters().getFirst("code");
        return tickets.site(siteCode).map(found -> "board:" + siteCode);
    }
}
