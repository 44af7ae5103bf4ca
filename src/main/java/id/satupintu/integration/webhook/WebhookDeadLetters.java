package id.satupintu.integration.webhook;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Administrators list the deliveries that went dead and send them again. */
@ApplicationScoped
class WebhookDeadLetters {

    @Inject
    Pool pool;

    @Inject
    WebhookDispatcher dispatcher;

    /** Newest first, keyset-paged; optionally of one subscription. */
    public Uni<Page<DeadLetter>> list(Caller caller, String subscription, String cursor, int size) {
        requireAdmin(caller);
        UUID subscriptionId = null;
        if (subscription != null && !subscription.isBlank()) {
            try {
                subscriptionId = UUID.fromString(subscription.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("subscription", "invalid-format");
            }
        }
        List<String> after = Cursor.decode(cursor, 2);
        OffsetDateTime afterAt = null;
        Long afterId = null;
        if (!after.isEmpty()) {
            try {
                afterAt = OffsetDateTime.parse(after.get(0));
                afterId = Long.parseLong(after.get(1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new ProblemException(400, "invalid-cursor");
            }
        }
        return pool.preparedQuery("""
                        select d.id, d.subscription_id, s.client_name, s.url, d.event_id, e.type, d.attempts,
                               d.last_status, d.last_error, d.created_at, d.dead_at
                          from webhook_delivery d
                          join webhook_subscription s on s.id = d.subscription_id
                          join event e on e.id = d.event_id
                         where d.status = 'DEAD'
                           and ($1::uuid is null or d.subscription_id = $1)
                           and ($2::timestamptz is null or (d.dead_at, d.id) < ($2, $3))
                         order by d.dead_at desc, d.id desc
                         limit $4""")
                .execute(Tuple.of(subscriptionId, afterAt, afterId, size + 1))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>(rows.size());
                    rows.forEach(row -> letters.add(toDeadLetter(row)));
                    return Page.of(letters, size, d -> Cursor.encode(d.deadAt().toString(), Long.toString(d.id())));
                });
    }

    /**
     * Puts a dead delivery back in line with fresh attempts. It goes out as soon as no earlier
     * delivery of its stream is pending; later events of its stream may already have gone out, so a
     * receiver orders by the event id rather than by arrival.
     */
    public Uni<Void> replay(Caller caller, String id) {
        requireAdmin(caller);
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(ProblemException.notFound("webhook-delivery", id));
        }
        return pool.preparedQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(),
                               lease_until = null, dead_at = null
                         where id = $1 and status = 'DEAD' returning id""")
                .execute(Tuple.of(key))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().voidItem()
                        : pool.preparedQuery("select status from webhook_delivery where id = $1").execute(Tuple.of(key))
                                .map(found -> {
                                    if (found.size() == 0) {
                                        throw ProblemException.notFound("webhook-delivery", id);
                                    }
                                    throw ProblemException.conflict("webhook-delivery-not-dead", id,
                                            found.iterator().next().getString("status"));
                                }))
                .invoke(dispatcher::pump);
    }

    private static void requireAdmin(Caller caller) {
        if (caller.client() || !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden();
        }
    }

    private static DeadLetter toDeadLetter(Row row) {
        return new DeadLetter(row.getLong("id"), row.getUUID("subscription_id"), row.getString("client_name"),
                row.getString("url"), row.getLong("event_id"), row.getString("type"), row.getInteger("attempts"),
                row.getInteger("last_status"), row.getString("last_error"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("dead_at"));
    }
}
