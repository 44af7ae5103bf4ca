package id.satupintu.queue.booking;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A booking as stored, with its site's time zone and the number of the ticket its check-in made. */
record Booking(UUID id, String siteCode, String serviceCode, String citizenId, LocalDate date,
               OffsetDateTime startsAt, OffsetDateTime endsAt, BookingStatus status, UUID ticketId,
               String ticketNumber, OffsetDateTime createdAt, OffsetDateTime checkedInAt, String timeZone) {

    /** How booking times read in problem details: the site's local clock time. */
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** Selects bookings; callers append the where clause (alias b). The zone comes from catalog's view of sites. */
    static final String SELECT = "select b.id, b.site_code, b.service_code, b.citizen_id, b.local_date, b.starts_at, "
            + "b.ends_at, b.status, b.ticket_id, t.number as ticket_number, b.created_at, b.checked_in_at, s.time_zone "
            + "from queue_booking b join catalog_site_zone s on s.code = b.site_code "
            + "left join queue_ticket t on t.id = b.ticket_id ";

    static Booking of(Row row) {
        return new Booking(row.getUUID("id"), row.getString("site_code"), row.getString("service_code"),
                row.getString("citizen_id"), row.getLocalDate("local_date"), row.getOffsetDateTime("starts_at"),
                row.getOffsetDateTime("ends_at"), BookingStatus.valueOf(row.getString("status")),
                row.getUUID("ticket_id"), row.getString("ticket_number"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("checked_in_at"), row.getString("time_zone"));
    }

    /** A time as the site's clocks show it (the database hands out UTC). */
    OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    /** What a booking's stream carries: the slot and the state, never who booked. */
    Map<String, Object> eventPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bookingId", id.toString());
        payload.put("siteCode", siteCode);
        payload.put("serviceCode", serviceCode);
        payload.put("startsAt", local(startsAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        payload.put("status", status.name());
        if (ticketId != null) {
            payload.put("ticketId", ticketId.toString());
            payload.put("ticketNumber", ticketNumber);
        }
        return payload;
    }
}
