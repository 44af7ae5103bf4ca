package id.satupintu.queue;

import id.satupintu.platform.events.PublishedEvent;
import io.vertx.core.json.JsonObject;

/** A ticket change as its GraphQL subscribers (holder, issuer, staff) receive it: as its SSE stream. */
public record QueueEvent(long id, String type, String ticketId, String number, String lane, String serviceCode,
                         String status, Boolean priority, Integer counterNumber, String counterName,
                         Integer position) {

    static QueueEvent of(PublishedEvent event) {
        JsonObject p = event.payload();
        return new QueueEvent(event.id(), event.type(), p.getString("ticketId"), p.getString("number"),
                p.getString("lane"), p.getString("serviceCode"), p.getString("status"), p.getBoolean("priority"),
                p.getInteger("counterNumber"), p.getString("counterName"), p.getInteger("position"));
    }
}
