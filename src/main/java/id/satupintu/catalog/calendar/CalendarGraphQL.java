package id.satupintu.catalog.calendar;

import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The working-day calendar for GraphQL clients; the same service and rules as the REST calendar.
 * Resolvers go through {@link GraphQLCalls} so sibling fields never share a database session.
 */
@GraphQLApi
public class CalendarGraphQL {

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    HolidayService holidays;

    @Inject
    GraphQLCalls calls;

    @Query("calendar")
    @Description("Non-working days at a site between two dates (both included, at most 366 days apart). "
            + "Without from: today at the site (at the instant `at`, or now); without to: 30 days after from.")
    public Uni<CalendarRange> calendar(@Name("siteCode") @NonNull String siteCode, @Name("from") LocalDate from,
                                       @Name("to") LocalDate to, @Name("at") Instant at) {
        return calls.run(() -> calendar.calendar(siteCode, from, to, at));
    }

    @Query("addWorkingDays")
    @Description("The date `days` working days after `from` at a site (from itself not counted; 0 gives from "
            + "or the next working day). Without from: today at the site.")
    public Uni<WorkingDayDate> addWorkingDays(@Name("siteCode") @NonNull String siteCode, @Name("from") LocalDate from,
                                              @Name("days") int days, @Name("at") Instant at) {
        return calls.run(() -> calendar.workingDayAfter(siteCode, from, days, at));
    }

    @Query("workingDays")
    @Description("Working days at a site in (from, to]; negative when to is before from.")
    public Uni<WorkingDayCount> workingDays(@Name("siteCode") @NonNull String siteCode, @Name("from") LocalDate from,
                                            @Name("to") @NonNull LocalDate to, @Name("at") Instant at) {
        return calls.run(() -> calendar.countWorkingDays(siteCode, from, to, at));
    }

    @Query("holidays")
    @Description("National holidays and cuti bersama of a year; known is false while none is entered.")
    public Uni<HolidayYear> holidays(@Name("year") int year) {
        return calls.run(() -> holidays.year(year));
    }
}
