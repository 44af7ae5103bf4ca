package id.satupintu.queue.booking;

import id.satupintu.queue.ticket.TicketService;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking a slot at a site, and the site's kiosks checking bookings in by their QR code. */
@Path("/api/v1/sites/{code}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@RolesAllowed("**")
public class SiteBookingResource {

    @Inject
    BookingService bookings;

    @Inject
    BookingCheckIn checkIns;

    @Inject
    TicketService tickets;

    @Inject
    CurrentUser currentUser;

    @POST
    public Uni<Response> book(@PathParam("code") String siteCode, @Valid @NotNull BookingRequest request) {
        return currentUser.require().flatMap(caller -> bookings.book(caller, siteCode, request))
                .map(view -> Response.created(URI.create("/api/v1/bookings/" + view.id())).entity(view).build());
    }

    /** The kiosk scanned a QR code: the booking's ticket, as the kiosk prints it. */
    @POST
    @Path("/check-in")
    public Uni<Response> checkIn(@PathParam("code") String siteCode, @Valid @NotNull CheckInRequest request) {
        return currentUser.require().flatMap(caller -> checkIns.checkInAtKiosk(caller, siteCode, request)
                        .flatMap(ticket -> tickets.view(caller, ticket.id().toString())))
                .map(view -> Response.created(URI.create("/api/v1/tickets/" + view.id())).entity(view).build());
    }
}
