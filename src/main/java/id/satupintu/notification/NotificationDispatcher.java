package id.satupintu.notification;

import id.satupintu.integration.SignedDelivery;
import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.platform.events.EventHub;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends the notifications' outbound copies (e-mail, SMS, WhatsApp) as the webhooks are sent: on every replica,
 * each send claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, retried with {@link SignedDelivery}'s
 * backoff, DEAD after the last attempt. At send time the citizen's preferences as they are now decide: an
 * opted-out channel is SKIPPED, quiet hours hold the send until they end (the attempt given back), and the text
 * is rendered in the citizen's language. What is recorded is the channel, template, state and error, never the
 * text or the address. Woken by every new notification this replica hears, and by a periodic sweep. A send to a
 * kiosk ticket's contact (no account) goes to the number the ticket holds, in the language chosen at the kiosk,
 * without quiet hours or opt-out; once the end of day forgot the number, a send still due is SKIPPED (no-address).
 */
@ApplicationScoped
class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    // Due times and leases are the database's clock, as the webhooks' are: one clock for every replica.
    private static final String CLAIM = """
            with due as (
                select s.id from notification_send s
                where s.state = 'PENDING' and s.next_attempt_at <= now()
                  and (s.lease_until is null or s.lease_until < now())
                order by s.next_attempt_at, s.id
                limit $1
                for update of s skip locked
            ), claimed as (
                update notification_send s set lease_until = now() + make_interval(secs => $2), attempts = s.attempts + 1
                  from due where s.id = due.id
                returning s.id, s.notification_id, s.channel, s.attempts
            )
            select cl.id, cl.channel, cl.attempts, n.template, n.params,
                   coalesce(c.address_encrypted, k.phone_encrypted) as address_encrypted, c.opted_out,
                   coalesce(st.language, k.language) as language, st.quiet_start, st.quiet_end, z.time_zone
              from claimed cl
              join notification n on n.id = cl.notification_id
              left join notification_channel c on c.account_id = n.account_id and c.channel = cl.channel
              left join notification_setting st on st.account_id = n.account_id
              left join queue_ticket_contact_holder k on k.id = n.contact_ticket_id
              left join catalog_site_zone z on z.code = n.site_code
            """;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    EventHub hub;

    @Inject
    NotificationConfig config;

    @Inject
    NotificationCentre centre;

    @Inject
    Messages messages;

    @Inject
    PersonalDataProtection protection;

    @Inject
    Clock clock;

    @Inject
    DatabaseOutage outage;

    @Inject
    EmailChannel email;

    @Inject
    GatewayChannel gateway;

    private Runnable unfollow;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        if (!config.notifications().enabled()) {
            return;
        }
        unfollow = hub.followAll(event -> {
            if ("notification.created".equals(event.type())) {
                pump();
            }
        });
    }

    /**
     * SIGTERM, first phase (the pool is still open): claim nothing more. A send still running records its
     * outcome; one cut off keeps its lease, which runs out and lets another replica retry it.
     */
    void stopClaiming(@Observes ShutdownDelayInitiatedEvent event) {
        stop(null);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (unfollow != null) {
            unfollow.run();
            unfollow = null;
        }
    }

    /** Retries that came due, sends held by quiet hours, sends whose replica died, anything a lost NOTIFY missed. */
    @Scheduled(every = "${satupintu.notifications.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        pump();
    }

    /** Claims as many due sends as there is room for and sends them; never blocks. */
    void pump() {
        if (!config.notifications().enabled() || stopping) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        int room = config.notifications().concurrency() - inFlight.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        pool.preparedQuery(CLAIM).execute(Tuple.of(room, leaseSeconds())).subscribe().with(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(Claimed.of(row)));
            inFlight.addAndGet(claimed.size());
            claiming.set(false);
            claimed.forEach(this::send);
            if (again.get() || claimed.size() == room) {
                pump();
            }
        }, e -> {
            claiming.set(false);
            if (!outage.warn("Claiming notification sends", e)) {
                LOG.warn("Could not claim notification sends", e);
            }
        });
    }

    private void send(Claimed send) {
        Uni.createFrom().deferred(() -> attempt(send))
                .subscribe().with(done -> finished(), e -> {
                    LOG.warnf(e, "Could not record notification send %d", send.id());
                    finished();
                });
    }

    private void finished() {
        inFlight.decrementAndGet();
        pump();
    }

    private Uni<Void> attempt(Claimed send) {
        if (send.address() == null || send.optedOut()) {
            return skip(send, send.address() == null ? "no-address" : "opted-out");
        }
        Instant held = send.quietHours() == null ? null : send.quietHours().heldUntil(clock.now(), zone(send.zoneId()));
        if (held != null) {
            return hold(send, held);
        }
        String to = protection.decrypt(send.address());
        Uni<Integer> sent = centre.textOf(send.template(), send.params(), send.locale()).flatMap(text ->
                switch (send.channel()) {
                    case EMAIL -> email.send(to, messages.get(send.locale(), "notification.email.subject"), text)
                            .replaceWith((Integer) null);
                    case SMS, WHATSAPP -> gateway.send(send.channel(), to, text, send.template(), send.id(),
                            send.attempts());
                });
        return sent.onItem().transformToUni(status -> sent(send, status))
                .onFailure().recoverWithUni(e -> failed(send, e));
    }

    private Uni<Void> sent(Claimed send, Integer status) {
        return pool.preparedQuery("""
                        update notification_send set state = 'SENT', sent_at = now(), lease_until = null,
                               last_status = $2, last_error = null
                         where id = $1""")
                .execute(Tuple.of(send.id(), status)).replaceWithVoid();
    }

    private Uni<Void> failed(Claimed send, Throwable e) {
        Integer status = e instanceof GatewayChannel.Refused refused ? refused.status : null;
        String error = truncate(e instanceof GatewayChannel.Refused ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (send.attempts() >= config.notifications().maxAttempts()) {
            LOG.infof("Notification send %d (%s) dead after %d attempts: %s", send.id(), send.channel(),
                    send.attempts(), error);
            return pool.preparedQuery("""
                            update notification_send set state = 'DEAD', lease_until = null, last_status = $2,
                                   last_error = $3
                             where id = $1""")
                    .execute(Tuple.of(send.id(), status, error)).replaceWithVoid();
        }
        long delay = SignedDelivery.backoff(send.attempts(), config.notifications().retryBaseMs(),
                config.notifications().retryMaxMs());
        LOG.debugf("Notification send %d (%s) failed, retry in %d ms: %s", send.id(), send.channel(), delay, error);
        return pool.preparedQuery("""
                        update notification_send set next_attempt_at = now() + make_interval(secs => $4),
                               lease_until = null, last_status = $2, last_error = $3
                         where id = $1""")
                .execute(Tuple.of(send.id(), status, error, delay / 1000.0))
                .invoke(() -> vertx.setTimer(Math.max(1, delay), timer -> pump()))
                .replaceWithVoid();
    }

    /** Not sent and never will be: the citizen opted out, or has no address on the channel any more. */
    private Uni<Void> skip(Claimed send, String reason) {
        return pool.preparedQuery("""
                        update notification_send set state = 'SKIPPED', skip_reason = $2, lease_until = null,
                               attempts = attempts - 1
                         where id = $1""")
                .execute(Tuple.of(send.id(), reason)).replaceWithVoid();
    }

    /** Quiet hours: the send waits until they end; this was no attempt. */
    private Uni<Void> hold(Claimed send, Instant until) {
        LOG.debugf("Notification send %d held by quiet hours until %s", send.id(), until);
        return pool.preparedQuery("""
                        update notification_send set next_attempt_at = $2, lease_until = null, attempts = attempts - 1
                         where id = $1""")
                .execute(Tuple.of(send.id(), until.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    private int leaseSeconds() {
        return Math.max(30, config.notifications().timeoutMs() / 1000 * 3);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** The site's zone; the configured default for a notification of no site (or a zone this JDK lacks). */
    private ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone == null ? config.notifications().defaultZone() : zone);
        } catch (DateTimeException e) {
            return ZoneId.of(config.notifications().defaultZone());
        }
    }

    private record Claimed(long id, Channel channel, int attempts, String template, JsonObject params, String address,
                           boolean optedOut, Locale locale, QuietHours quietHours, String zoneId) {

        static Claimed of(Row row) {
            LocalTime start = row.getLocalTime("quiet_start");
            LocalTime end = row.getLocalTime("quiet_end");
            return new Claimed(row.getLong("id"), Channel.valueOf(row.getString("channel")), row.getInteger("attempts"),
                    row.getString("template"), NotificationCentre.json(row.getValue("params")),
                    row.getString("address_encrypted"), Boolean.TRUE.equals(row.getBoolean("opted_out")),
                    "en".equals(row.getString("language")) ? Messages.ENGLISH : Messages.INDONESIAN,
                    start == null || end == null ? null : new QuietHours(start, end), row.getString("time_zone"));
        }
    }
}
