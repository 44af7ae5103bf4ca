package id.satupintu.complaint.handling;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The desk stream (new complaints, due-soon, escalations) is for the site's supervisors and admins. */
@Singleton
class ComplaintDeskStreamAdmission implements StreamAdmission {

    @Inject
    ComplaintDesk desk;

    @Override
    public Class<?> resource() {
        return ComplaintDeskEventsResource.class;
    }

    /** The desk's stream name. */
    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        return desk.deskStreamOf(CurrentUser.signedIn(caller),
                request.getUriInfo().getPathParameters().getFirst("siteCode"));
    }
}
