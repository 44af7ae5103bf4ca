package id.satupintu.homevisit;

import id.satupintu.platform.events.PublishedEvent;
import io.vertx.core.json.JsonObject;

/** A home visit change as GraphQL subscribers receive it: the same fields as the visit's SSE stream. */
public record HomeVisitEvent(long id, String type, String homeVisitId, String state, String visitDate,
                             String windowStart, String windowEnd, String applicationTrackingNumber) {

    static HomeVisitEvent of(PublishedEvent event) {
        JsonObject p = event.payload();
        return new HomeVisitEvent(event.id(), event.type(), p.getString("id"), p.getString("state"),
                p.getString("visitDate"), p.getString("windowStart"), p.getString("windowEnd"),
                p.getString("applicationTrackingNumber"));
    }
}
