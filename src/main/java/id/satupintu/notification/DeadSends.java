package id.satupintu.notification;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Administrators list the outbound sends that went DEAD (the gateway or SMTP server refused them every attempt)
 * and send one again, as webhook dead letters are. What they see is what the send's record holds: channel,
 * template, attempts and the last error, and whether it was addressed to an account or a ticket's contact; never
 * the address or the text.
 */
@ApplicationScoped
class DeadSends {

    /** A dead send; {@code addressee} is ACCOUNT or TICKET_CONTACT. */
    record DeadSend(long id, long notificationId, Channel channel, String template, String addressee, int attempts,
                    Integer lastStatus, String lastError, OffsetDateTime createdAt) {
    }

    @Inject
    Pool pool;

    @Inject
    NotificationDispatcher dispatcher;

    /** Newest first, keyset-paged by id; optionally of one channel. */
    Uni<Page<DeadSend>> list(Caller caller, String channel, String cursor, int size) {
        requireAdmin(caller);
        Channel only = null;
        if (channel != null && !channel.isBlank()) {
            only = Optional.of(channel.strip()).flatMap(DeadSends::channel)
                    .orElseThrow(() -> ProblemException.validation("channel", "notification-channel"));
        }
        List<String> after = Cursor.decode(cursor, 1);
        long afterId;
        try {
            afterId = after.isEmpty() ? Long.MAX_VALUE : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-cursor");
        }
        return pool.preparedQuery("""
                        select s.id, s.notification_id, s.channel, s.template, s.attempts, s.last_status, s.last_error,
                               s.created_at, n.account_id is not null as to_account
                          from notification_send s join notification n on n.id = s.notification_id
                         where s.state = 'DEAD' and s.id < $1 and ($2::text is null or s.channel = $2)
                         order by s.id desc
                         limit $3""")
                .execute(Tuple.of(afterId, only == null ? null : only.name(), size + 1))
                .map(rows -> {
                    List<DeadSend> sends = new ArrayList<>(rows.size());
                    rows.forEach(row -> sends.add(of(row)));
                    return Page.of(sends, size, send -> Cursor.encode(Long.toString(send.id())));
                });
    }

    /**
     * Puts a dead send back in line with fresh attempts; the citizen's preferences as they are then decide (an
     * opt-out since is SKIPPED, quiet hours hold it). 404 for no such send, 409 for one that is not dead.
     */
    Uni<Void> replay(Caller caller, String id) {
        requireAdmin(caller);
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(ProblemException.notFound("notification-send", id));
        }
        return pool.preparedQuery("""
                        update notification_send set state = 'PENDING', attempts = 0, next_attempt_at = now(),
                               lease_until = null
                         where id = $1 and state = 'DEAD' returning id""")
                .execute(Tuple.of(key))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().voidItem()
                        : pool.preparedQuery("select state from notification_send where id = $1").execute(Tuple.of(key))
                                .map(found -> {
                                    if (found.size() == 0) {
                                        throw ProblemException.notFound("notification-send", id);
                                    }
                                    throw ProblemException.conflict("notification-send-not-dead", id,
                                            found.iterator().next().getString("state"));
                                }))
                .invoke(dispatcher::pump);
    }

    private static void requireAdmin(Caller caller) {
        if (caller.client() || !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden();
        }
    }

    private static Optional<Channel> channel(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    private static DeadSend of(Row row) {
        return new DeadSend(row.getLong("id"), row.getLong("notification_id"), Channel.valueOf(row.getString("channel")),
                row.getString("template"), row.getBoolean("to_account") ? "ACCOUNT" : "TICKET_CONTACT",
                row.getInteger("attempts"), row.getInteger("last_status"), row.getString("last_error"),
                row.getOffsetDateTime("created_at"));
    }
}
