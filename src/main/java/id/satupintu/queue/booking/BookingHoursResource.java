package id.satupintu.queue.booking;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The weekly hours in which a service can be booked at a site. */
@Path("/api/v1/sites/{code}/booking-hours/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class BookingHoursResource {

    @Inject
    BookingSlots slots;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<BookingSchedule> get(@PathParam("code") String siteCode, @PathParam("service") String serviceCode) {
        return slots.schedule(siteCode, serviceCode);
    }

    @PUT
    @RolesAllowed("**")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BookingSchedule> replace(@PathParam("code") String siteCode, @PathParam("service") String serviceCode,
                                        @Valid @NotNull BookingScheduleInput input) {
        return currentUser.require().flatMap(caller -> slots.replaceSchedule(caller, siteCode, serviceCode, input));
    }
}
