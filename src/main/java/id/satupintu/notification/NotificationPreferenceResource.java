package id.satupintu.notification;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The citizen's notification preferences: language, quiet hours, channels (addresses masked). */
@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationPreferenceResource {

    @Inject
    NotificationPreferences preferences;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<NotificationPreferences.PreferencesView> mine() {
        return currentUser.require().flatMap(preferences::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<NotificationPreferences.PreferencesView> update(NotificationPreferences.PreferencesInput input) {
        return currentUser.require().flatMap(caller -> preferences.update(caller, input));
    }
}
