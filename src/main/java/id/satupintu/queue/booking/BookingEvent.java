package id.satupintu.queue.booking;

import id.satupintu.platform.events.PublishedEvent;
import io.vertx.core.json.JsonObject;

/** A booking change as GraphQL subscribers receive it: the same fields as the booking's SSE stream. */
public record BookingEvent(long id, String type, String bookingId, String siteCode, String serviceCode,
                           String startsAt, String status, String ticketId, String ticketNumber) {

    static BookingEvent of(PublishedEvent event) {
        JsonObject p = event.payload();
        return new BookingEvent(event.id(), event.type(), p.getString("bookingId"), p.getString("siteCode"),
                p.getString("serviceCode"), p.getString("startsAt"), p.getString("status"), p.getString("ticketId"),
                p.getString("ticketNumber"));
    }
}
