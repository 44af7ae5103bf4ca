package id.satupintu.queue.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue ticket as stored, with its lane's prefix and the counter it was called to; {@code bookedFor} is the
 * slot time of a ticket made by checking in a booking; {@code priorityClaimed} a phone's priority not yet confirmed;
 * {@code contactPhone} the masked number its holder left at the site (queue_ticket_contact), null without one.
 */
public record Ticket(UUID id, String siteCode, UUID laneId, String lane, String serviceCode, String number,
                     Channel channel, PriorityCategory priority, String vehiclePlate, String holderId, String issuedBy,
                     TicketStatus status, OffsetDateTime issuedAt, UUID counterId, Integer counterNumber,
                     String counterName, UUID targetCounterId, OffsetDateTime calledAt, int callCount,
                     OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime bookedFor,
                     boolean priorityClaimed, String contactPhone) {

    /** Selects tickets with lane and counter; callers append the where clause (alias t). */
    static final String SELECT = "select t.id, t.site_code, t.lane_id, l.prefix, t.service_code, t.number, t.channel, "
            + "t.priority, t.vehicle_plate, t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, "
            + "c.number as counter_number, c.name as counter_name, t.target_counter_id, t.called_at, t.call_count, "
            + "t.started_at, t.finished_at, t.booked_for, t.priority_claimed, k.phone_masked as contact_phone "
            + "from queue_ticket t join queue_lane l on l.id = t.lane_id "
            + "left join queue_counter c on c.id = t.counter_id left join queue_ticket_contact k on k.ticket_id = t.id ";

    static Ticket of(Row row) {
        return new Ticket(row.getUUID("id"), row.getString("site_code"), row.getUUID("lane_id"),
                row.getString("prefix"), row.getString("service_code"), row.getString("number"),
                Channel.valueOf(row.getString("channel")), PriorityCategory.valueOf(row.getString("priority")),
                row.getString("vehicle_plate"), row.getString("holder_id"), row.getString("issued_by"),
                TicketStatus.valueOf(row.getString("status")), row.getOffsetDateTime("issued_at"),
                row.getUUID("counter_id"), row.getInteger("counter_number"), row.getString("counter_name"),
                row.getUUID("target_counter_id"), row.getOffsetDateTime("called_at"), row.getInteger("call_count"),
                row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"),
                row.getOffsetDateTime("booked_for"), row.getBoolean("priority_claimed"), row.getString("contact_phone"));
    }

    /** Served ahead of the line: a priority category that is not a claim still waiting for confirmation. */
    public boolean servedFirst() {
        return priority != PriorityCategory.NONE && !priorityClaimed;
    }

    /** CLAIMED while a phone's priority waits for confirmation at the site, CONFIRMED once it counts, or null. */
    public String priorityState() {
        return priority == PriorityCategory.NONE ? null : priorityClaimed ? "CLAIMED" : "CONFIRMED";
    }

    /**
     * What a site's board stream carries of a ticket, public as the screen in the hall: its number and
     * where to go. Not its id, service, priority or booking, which say more about its holder than the
     * hall needs.
     */
    public static final List<String> BOARD_FIELDS = List.of("number", "lane", "status", "counterNumber", "counterName");

    /** What the ticket stream (its holder, issuer and the site's staff) carries: never who holds the ticket. */
    Map<String, Object> eventPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ticketId", id.toString());
        payload.put("number", number);
        // Public, so webhooks can give a site-bound client only its site's tickets.
        payload.put("siteCode", siteCode);
        payload.put("lane", lane);
        payload.put("serviceCode", serviceCode);
        payload.put("status", status.name());
        payload.put("priority", servedFirst());
        if (bookedFor != null) {
            payload.put("bookedFor", bookedFor.toString());
        }
        if (counterNumber != null) {
            // The survey's counter tablet follows the tickets its counter ends (survey_invitation.counter_id).
            payload.put("counterId", counterId.toString());
            payload.put("counterNumber", counterNumber);
            payload.put("counterName", counterName);
        }
        return payload;
    }

    /** The board stream's payload: {@link #BOARD_FIELDS} of {@link #eventPayload}. */
    Map<String, Object> boardPayload() {
        Map<String, Object> all = eventPayload();
        Map<String, Object> payload = new LinkedHashMap<>();
        BOARD_FIELDS.stream().filter(all::containsKey).forEach(field -> payload.put(field, all.get(field)));
        return payload;
    }

    /**
     * A stored board event as the public may see it: only {@link #BOARD_FIELDS}, also of events written
     * before the board stream was cut down to them (a client may replay the stream from its start).
     */
    public static JsonObject boardView(JsonObject stored) {
        JsonObject view = new JsonObject();
        BOARD_FIELDS.stream().filter(stored::containsKey).forEach(field -> view.put(field, stored.getValue(field)));
        return view;
    }
}
