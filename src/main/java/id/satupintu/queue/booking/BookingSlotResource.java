package id.satupintu.queue.booking;

import id.satupintu.catalog.CalendarDates;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A day's appointment slots of a service at a site, with the places left (public). */
@Path("/api/v1/sites/{code}/booking-slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
public class BookingSlotResource {

    @Inject
    BookingSlots slots;

    @GET
    public Uni<BookingDay> day(@PathParam("code") String siteCode,
                               @QueryParam("service") @Parameter(required = true, example = "IMI-PASPOR-BARU") String service,
                               @QueryParam("date") @Parameter(required = true, example = "2026-11-30") String date) {
        return slots.day(siteCode, service, CalendarDates.date("date", date));
    }
}
