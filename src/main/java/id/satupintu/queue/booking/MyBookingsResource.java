package id.satupintu.queue.booking;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A citizen's upcoming and recent bookings. */
@Path("/api/v1/me/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@RolesAllowed("**")
public class MyBookingsResource {

    @Inject
    BookingService bookings;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<List<BookingView>> mine() {
        return currentUser.require().flatMap(bookings::mine);
    }
}
