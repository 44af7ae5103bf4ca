package id.satupintu.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica that cannot hear events would serve live streams that never move: keep it out of rotation. */
@Readiness
@ApplicationScoped
class EventListenerHealth implements HealthCheck {

    @Inject
    EventHub hub;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-listener").status(hub.listening()).build();
    }
}
