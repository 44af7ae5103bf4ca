package id.satupintu.application;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** An application's events are for its applicant and the agency's staff; a stranger gets a 404 problem. */
@Singleton
class ApplicationStreamAdmission implements StreamAdmission {

    @Inject
    ApplicationReads reads;

    @Override
    public Class<?> resource() {
        return ApplicationResource.class;
    }

    /** The application's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        String trackingNumber = request.getUriInfo().getPathParameters().getFirst("trackingNumber");
        return reads.streamOf(CurrentUser.signedIn(caller), trackingNumber);
    }
}
