package id.satupintu.homevisit;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A home visit's events are for those who may read it ({@link HomeVisitService#find}). */
@Singleton
class HomeVisitStreamAdmission implements StreamAdmission {

    @Inject
    HomeVisitService visits;

    @Override
    public Class<?> resource() {
        return HomeVisitResource.class;
    }

    /** The visit's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        return visits.streamOf(CurrentUser.signedIn(caller), request.getUriInfo().getPathParameters().getFirst("id"));
    }
}
