package id.satupintu.queue.booking;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import id.satupintu.queue.QueueAccess;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A booking's events are for those who may read it ({@link BookingService#view}). */
@Singleton
class BookingStreamAdmission implements StreamAdmission {

    @Inject
    BookingService bookings;

    @Override
    public Class<?> resource() {
        return BookingResource.class;
    }

    /** The booking's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        return bookings.view(CurrentUser.signedIn(caller), id)
                .map(booking -> "booking:" + QueueAccess.parseId("booking", id));
    }
}
