package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarDates;
import id.satupintu.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * National holidays and cuti bersama. 2026 ships with the service; an admin enters later years
 * when the government publishes the SKB for them (each September for the next year).
 */
@Path("/api/v1/calendar/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class HolidayResource {

    @Inject
    HolidayService holidays;

    @GET
    @Operation(summary = "The national holidays and cuti bersama of a year; known=false while none is entered")
    public Uni<HolidayYear> year(@QueryParam("year") String year) {
        return holidays.year(CalendarDates.requiredInt("year", year));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> add(@Valid @NotNull HolidayInput input) {
        return holidays.add(input).map(holiday -> Response
                .created(URI.create("/api/v1/calendar/holidays/" + holiday.id)).entity(HolidayView.of(holiday)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> remove(@PathParam("id") UUID id) {
        return holidays.remove(id);
    }
}
