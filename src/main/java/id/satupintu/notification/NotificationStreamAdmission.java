package id.satupintu.notification;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.StreamAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A citizen follows their own notifications only: the stream is named from the token, never from the request. */
@Singleton
class NotificationStreamAdmission implements StreamAdmission {

    @Override
    public Class<?> resource() {
        return NotificationResource.class;
    }

    @Override
    public Uni<String> admit(Caller caller, ContainerRequestContext request) {
        return Uni.createFrom().item(() -> NotificationCentre.streamOf(CurrentUser.signedIn(caller)));
    }
}
