package id.satupintu.queue.ticket;

import id.satupintu.platform.survey.SurveyLinks;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A ticket as its holder or the site's staff see it. {@code position} (1 = next) and
 * {@code estimatedWaitMinutes} only while waiting; the estimate is null while no counter of the lane is
 * open. {@code priorityState} is CLAIMED while a priority asked for from a phone waits for staff or a kiosk at
 * the site to confirm it (it waits in the normal order until then), CONFIRMED once it counts, null without
 * priority. {@code vehiclePlate} is shown to staff only; {@code bookedFor} is the slot time of a booked ticket.
 * {@code survey} is the ticket's satisfaction survey, for its holder and the device that issued it (a kiosk
 * prints it on the slip as a QR code); null for anyone else. {@code contactPhone} is the masked number left at the
 * site for "your turn is near", shown to the site's staff and the device or member of staff that issued the ticket.
 */
public record TicketView(UUID id, String siteCode, String number, String lane, String serviceCode, Channel channel,
                         PriorityCategory priority, TicketStatus status, OffsetDateTime issuedAt,
                         OffsetDateTime calledAt, Integer counterNumber, String counterName, int callCount,
                         Integer position, Integer estimatedWaitMinutes, Integer openCounters, String vehiclePlate,
                         OffsetDateTime bookedFor, String priorityState, String contactPhone,
                         SurveyLinks.Link survey) {

    public static TicketView of(Ticket t, Wait wait, boolean staff) {
        return of(t, wait, staff, staff);
    }

    static TicketView of(Ticket t, Wait wait, boolean staff, boolean issuer) {
        return new TicketView(t.id(), t.siteCode(), t.number(), t.lane(), t.serviceCode(), t.channel(), t.priority(),
                t.status(), t.issuedAt(), t.calledAt(), t.counterNumber(), t.counterName(), t.callCount(),
                wait == null ? null : wait.position(), wait == null ? null : wait.estimatedMinutes(),
                wait == null ? null : wait.openCounters(), staff ? t.vehiclePlate() : null, t.bookedFor(),
                t.priorityState(), staff || issuer ? t.contactPhone() : null, null);
    }

    TicketView withSurvey(SurveyLinks.Link link) {
        return new TicketView(id, siteCode, number, lane, serviceCode, channel, priority, status, issuedAt, calledAt,
                counterNumber, counterName, callCount, position, estimatedWaitMinutes, openCounters, vehiclePlate,
                bookedFor, priorityState, contactPhone, link);
    }

    /** Where a waiting ticket stands in its lane. */
    record Wait(int position, Integer estimatedMinutes, int openCounters) {
    }
}
