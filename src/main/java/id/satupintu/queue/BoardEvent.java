package id.satupintu.queue;

import id.satupintu.platform.events.PublishedEvent;
import io.vertx.core.json.JsonObject;

/**
 * A change on a site's board as GraphQL subscribers receive it: the same public fields as the board's
 * SSE stream (Ticket.BOARD_FIELDS), a number and where to go; nothing that says who holds the ticket.
 */
public record BoardEvent(long id, String type, String number, String lane, String status, Integer counterNumber,
                         String counterName) {

    static BoardEvent of(PublishedEvent event) {
        JsonObject p = event.payload();
        return new BoardEvent(event.id(), event.type(), p.getString("number"), p.getString("lane"),
                p.getString("status"), p.getInteger("counterNumber"), p.getString("counterName"));
    }
}
