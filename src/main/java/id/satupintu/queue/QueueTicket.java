package id.satupintu.queue;

import java.util.UUID;

/**
 * A ticket as other features see it: its number, its site and its holder, the citizen who took it by phone
 * or booked it (null for a ticket printed at the site or issued by staff or an integrator).
 */
public record QueueTicket(UUID id, String number, String siteCode, String holderId) {
}
