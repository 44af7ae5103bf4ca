package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarDates;
import id.satupintu.catalog.WorkingDayCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A site's working-day calendar. Dates are ISO dates in the site's time zone; when {@code from} is
 * left out it is today at the site, at the instant {@code at} (ISO-8601 with offset) or now.
 */
@Path("/api/v1/sites/{code}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class CalendarResource {

    @Inject
    WorkingDayCalendar calendar;

    @GET
    @Operation(summary = "Non-working days at a site (weekends, national holidays, cuti bersama, closures)",
            description = "Both ends included, at most 366 days apart; `to` defaults to 30 days after `from`.")
    public Uni<CalendarRange> range(@PathParam("code") String code,
                                    @QueryParam("from") @Parameter(example = "2026-03-01") String from,
                                    @QueryParam("to") @Parameter(example = "2026-03-31") String to,
                                    @QueryParam("at") @Parameter(example = "2026-03-17T23:30:00Z") String at) {
        return calendar.calendar(code, CalendarDates.date("from", from), CalendarDates.date("to", to),
                CalendarDates.instant("at", at));
    }

    @GET
    @Path("/add-working-days")
    @Operation(summary = "The date `days` working days after `from` (from itself not counted; 0 = from or the next working day)")
    public Uni<WorkingDayDate> addWorkingDays(@PathParam("code") String code,
                                              @QueryParam("from") String from,
                                              @QueryParam("days") @Parameter(required = true, example = "5") String days,
                                              @QueryParam("at") String at) {
        return calendar.workingDayAfter(code, CalendarDates.date("from", from), CalendarDates.requiredInt("days", days),
                CalendarDates.instant("at", at));
    }

    @GET
    @Path("/working-days")
    @Operation(summary = "Working days in (from, to]; negative when `to` is before `from`")
    public Uni<WorkingDayCount> workingDays(@PathParam("code") String code,
                                            @QueryParam("from") String from,
                                            @QueryParam("to") @Parameter(required = true) String to,
                                            @QueryParam("at") String at) {
        return calendar.countWorkingDays(code, CalendarDates.date("from", from), CalendarDates.date("to", to),
                CalendarDates.instant("at", at));
    }
}
