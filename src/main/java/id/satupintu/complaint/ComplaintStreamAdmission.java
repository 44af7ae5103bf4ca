package id.satupintu.complaint;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * A complaint's events are for its reporter and the staff handling it; an anonymous reporter presents
 * the secret header. A stranger gets a 404 problem.
 */
@Singleton
class ComplaintStreamAdmission implements StreamAdmission {

    @Inject
    ComplaintReads complaints;

    @Override
    public Class<?> resource() {
        return ComplaintResource.class;
    }

    /** The complaint's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        return complaints.streamOf(caller, request.getUriInfo().getPathParameters().getFirst("trackingCode"),
                request.getHeaderString(ComplaintResource.SECRET));
    }
}
