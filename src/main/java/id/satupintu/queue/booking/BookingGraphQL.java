package id.satupintu.queue.booking;

import id.satupintu.queue.ticket.TicketService;
import id.satupintu.queue.ticket.TicketView;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Bookings over GraphQL: the same service and rules as the REST API. */
@GraphQLApi
public class BookingGraphQL {

    @Inject
    GraphQLCalls calls;


    @Inject
    BookingService bookings;

    @Inject
    BookingSlots slots;

    @Inject
    BookingCheckIn checkIns;

    @Inject
    TicketService tickets;

    @Inject
    LiveStreams live;

    @Query
    @Description("The weekly hours in which a service can be booked at a site")
    public Uni<BookingSchedule> bookingHours(@NonNull String site, @NonNull String service) {
        return calls.run(() -> slots.schedule(site, service));
    }

    @Query
    @Description("A day's appointment slots of a service at a site, with the places left; none on a non-working day")
    public Uni<BookingDay> bookingSlots(@NonNull String site, @NonNull String service, @NonNull LocalDate date) {
        return calls.run(() -> slots.day(site, service, date));
    }

    @Query
    @Description("A booking, for the citizen who made it and the site's staff")
    public Uni<BookingView> booking(@NonNull String id) {
        return calls.asCaller(caller -> bookings.view(caller, id));
    }

    @Query
    @Description("The caller's bookings from the last 30 days on, soonest first")
    public Uni<List<BookingView>> myBookings() {
        return calls.asCaller(bookings::mine);
    }

    // Named explicitly: SmallRye GraphQL would drop the "set" of the method's name.
    @Mutation("setBookingHours")
    public Uni<BookingSchedule> setBookingHours(@NonNull String site, @NonNull String service,
                                                @NonNull BookingScheduleInput input) {
        return calls.asCaller(caller -> slots.replaceSchedule(caller, site, service, input));
    }

    @Mutation
    @Description("Books a slot; the answer carries the QR token, which is never shown again")
    public Uni<BookingView> bookSlot(@NonNull String site, @NonNull BookingRequest input) {
        return calls.asCaller(caller -> bookings.book(caller, site, input));
    }

    @Mutation
    public Uni<BookingView> cancelBooking(@NonNull String id) {
        return calls.asCaller(caller -> bookings.cancel(caller, id));
    }

    @Mutation
    public Uni<BookingView> rescheduleBooking(@NonNull String id, @NonNull RescheduleRequest input) {
        return calls.asCaller(caller -> bookings.reschedule(caller, id, input));
    }

    @Mutation
    @Description("The citizen checks in by phone near the window; the answer is the booking's ticket")
    public Uni<TicketView> checkInBooking(@NonNull String id) {
        return calls.asCaller(caller -> checkIns.checkIn(caller, id).flatMap(t -> tickets.view(caller, t.id().toString())));
    }

    @Mutation
    @Description("A kiosk of the site checks a booking in by its QR token; the answer is the booking's ticket")
    public Uni<TicketView> checkInBookingAtKiosk(@NonNull String site, @NonNull CheckInRequest input) {
        return calls.asCaller(caller -> checkIns.checkInAtKiosk(caller, site, input)
                .flatMap(t -> tickets.view(caller, t.id().toString())));
    }

    @Subscription
    @Description("A booking's changes (booked, rescheduled, checked in, cancelled, no-show) as they happen")
    public Multi<BookingEvent> bookingEvents(@NonNull String id) {
        return calls.asCaller(caller -> bookings.view(caller, id))
                .onItem().transformToMulti(booking -> live.events("booking:" + booking.id(), 0))
                .map(BookingEvent::of);
    }

}
