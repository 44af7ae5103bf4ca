package id.satupintu.integration.webhook;

import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.integration.IntegrationConfig;
import id.satupintu.integration.SignedDelivery;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.integration.oss.IzinStatus;
import id.satupintu.platform.events.EventHub;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends webhook deliveries, on every replica, each at most once at a time: a replica claims due
 * deliveries with {@code FOR UPDATE SKIP LOCKED} and holds them by a lease, so two replicas never
 * send the same delivery together, and one that dies mid-way leaves a lease that runs out and lets
 * another retry (at least once). Only the oldest pending delivery of a stream is ever claimable for
 * a subscription, so an object's events arrive in order, a retrying one holding back those after it.
 * Before each send the subscription's client is judged as it is at that moment ({@link WebhookAccess}):
 * what it could not read over HTTP now is skipped instead of sent.
 * Woken by every event this replica hears, after each finished send, and by a periodic sweep for
 * retries that came due.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    // Due times and leases are the database's clock, not the service's Clock: deliveries are created by a
    // trigger at the database's now(), and a lease is shared by every replica, so one clock must decide both.
    private static final String RELEASE = "update webhook_delivery set lease_until = null, attempts = attempts - 1"
            + " where id = any($1) and status = 'PENDING' and lease_until is not null";

    private static final String CLAIM = """
            with due as (
                select d.id, d.subscription_id, d.event_id from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id and s.active
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                  and (d.lease_until is null or d.lease_until < now())
                  and not exists (select 1 from webhook_delivery p
                                  where p.subscription_id = d.subscription_id and p.stream = d.stream
                                    and p.status = 'PENDING' and p.event_id < d.event_id)
                order by d.next_attempt_at, d.id
                limit $1
                for update of d skip locked
            )
            update webhook_delivery d
               set lease_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
              from due
                   join webhook_subscription s on s.id = due.subscription_id
                   join event e on e.id = due.event_id
                   -- The client as it is now decides whether the delivery goes out (WebhookAccess).
                   left join identity_api_client c on c.id = s.client_id
                   -- What an OSS-format body needs: OSS's ids of the client's permit and the site's clock.
                   left join oss_permit o on o.tracking_number = e.payload ->> 'trackingNumber'
                                         and o.client_id = s.client_id
                   left join catalog_site_zone st on st.code = e.payload ->> 'siteCode'
             where d.id = due.id
            returning d.id, d.attempts, e.id as event_id, e.type, e.payload, e.created_at, s.url,
                      s.secret_encrypted, s.previous_secret_encrypted, s.previous_secret_expires_at,
                      s.format, s.signature_scheme, s.id as subscription_id,
                      o.nib, o.id_proyek, o.id_izin, o.kd_izin, o.oss_id, o.id_produk, o.kd_instansi, st.time_zone,
                      s.client_id, s.client_name, c.active as client_active, c.kind as client_kind,
                      c.scopes as client_scopes, c.agency_code as client_agency, c.site_code as client_site
            """;

    @Inject
    DatabaseOutage outage;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    EventHub hub;

    @Inject
    WebhookTargets targets;

    @Inject
    PersonalDataProtection protection;

    @Inject
    Clock clock;

    @Inject
    IntegrationConfig config;






    /** What a 410 Gone leaves on the subscription, for its owner to see. */
    static final String RECEIVER_GONE = "receiver-gone";
    /** How much of OSS's answer is read: its kode and keterangan are near the start. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private HttpClient http;
    private Runnable unfollow;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Deliveries this replica holds a lease on and is sending; given back if it stops before they end. */
    private final Set<Long> sending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean claiming = new AtomicBoolean();
    /** A wake-up that came while a claim was running: claim again when it ends. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        if (!config.webhooks().enabled()) {
            return;
        }
        http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(config.webhooks().timeoutMs())
                        .setIdleTimeout(60)
                        .setKeepAlive(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(Math.max(4, config.webhooks().concurrency())));
        unfollow = hub.followAll(event -> pump());
    }

    /**
     * SIGTERM, first phase (the pool is still open): claim nothing more, and give back the leases of
     * the sends still running, with the attempt each claim counted, so that another replica can send
     * what this one does not finish now rather than when the lease runs out. Not awaited: nothing may
     * block here. A send that does finish during the drain still records its outcome; a receiver may
     * then get it twice, which the webhook id lets it recognise.
     */
    void stopClaiming(@Observes ShutdownDelayInitiatedEvent event) {
        stop(null);
        List<Long> unfinished = List.copyOf(sending);
        if (unfinished.isEmpty()) {
            return;
        }
        pool.preparedQuery(RELEASE).execute(Tuple.of(unfinished.toArray(new Long[0]))).subscribe().with(
                released -> LOG.infof("Stopping: gave back the leases of %d webhook deliveries still being sent",
                        released.rowCount()),
                e -> LOG.warnf("Stopping: could not give back %d webhook leases; they run out on their own (%s)",
                        unfinished.size(), e.getMessage()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (unfollow != null) {
            unfollow.run();
            unfollow = null;
        }
    }

    /** Retries that came due, deliveries whose replica died, anything a lost NOTIFY did not wake. */
    @Scheduled(every = "${satupintu.webhooks.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        pump();
    }

    /** Claims as many due deliveries as there is room for and sends them; never blocks. */
    public void pump() {
        if (!config.webhooks().enabled() || stopping || http == null) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        int room = config.webhooks().concurrency() - inFlight.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        pool.preparedQuery(CLAIM).execute(Tuple.of(room, leaseSeconds())).subscribe().with(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(Claimed.of(row)));
            inFlight.addAndGet(claimed.size());
            claimed.forEach(delivery -> sending.add(delivery.id()));
            claiming.set(false);
            claimed.forEach(this::send);
            if (again.get() || claimed.size() == room) {
                pump();
            }
        }, e -> {
            claiming.set(false);
            if (!outage.warn("Claiming webhook deliveries", e)) {
                LOG.warn("Could not claim webhook deliveries", e);
            }
        });
    }

    private void send(Claimed delivery) {
        String refusal = WebhookAccess.refusal(delivery.reader(), delivery.type(), delivery.payload());
        if (refusal != null) {
            skip(delivery, refusal).subscribe().with(done -> finished(delivery), e -> {
                LOG.warnf(e, "Could not record skipped webhook delivery %d", delivery.id());
                finished(delivery);
            });
            return;
        }
        byte[] body = body(delivery);
        Uni.createFrom().deferred(() -> targets.check(delivery.url()))
                .flatMap(target -> post(target, delivery, body))
                .onFailure().recoverWithItem(e -> new Outcome(null, reason(e)))
                .flatMap(outcome -> record(delivery, outcome))
                .subscribe().with(done -> finished(delivery), e -> {
                    LOG.warnf(e, "Could not record webhook delivery %d", delivery.id());
                    finished(delivery);
                });
    }

    private void finished(Claimed delivery) {
        sending.remove(delivery.id());
        inFlight.decrementAndGet();
        // A finished delivery may free the next event of its stream.
        pump();
    }

    private Uni<Outcome> post(WebhookTargets.Target target, Claimed delivery, byte[] body) {
        long timestamp = clock.now().getEpochSecond();
        List<String> secrets = new ArrayList<>(2);
        secrets.add(protection.decrypt(delivery.secret()));
        if (delivery.previousSecret() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().toInstant().isAfter(clock.now())) {
            secrets.add(protection.decrypt(delivery.previousSecret()));
        }
        String eventId = Long.toString(delivery.eventId());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                // Connect to the address that was checked, not to whatever the name resolves to now.
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(config.webhooks().timeoutMs())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "SatuPintu-Webhooks/1")
                .putHeader("SatuPintu-Event-Id", eventId)
                .putHeader("SatuPintu-Event-Type", delivery.type())
                .putHeader("SatuPintu-Delivery-Attempt", Integer.toString(delivery.attempts()));
        // The event id is the same on every retry (the Standard Webhooks webhook-id) and has no '.'.
        WebhookSignature.headers(delivery.signatureScheme(), eventId, timestamp, body, secrets).forEach(options::putHeader);
        boolean oss = IzinStatus.FORMAT.equals(delivery.format());
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> {
                    // Only OSS's answer is read (its kode can refuse what HTTP 200 carries), and only
                    // its first bytes; any other answer is read to the end so the connection is reused.
                    Buffer answer = Buffer.buffer();
                    if (oss) {
                        response.handler(chunk -> {
                            int room = MAX_ANSWER_BYTES - answer.length();
                            if (room > 0) {
                                answer.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                            }
                        });
                    }
                    return response.end().map(ended -> outcome(response.statusCode(), response.getHeader("Retry-After"),
                            oss ? answer.toString(StandardCharsets.UTF_8) : null));
                })
                .toCompletionStage());
    }

    /**
     * What a receiver's answer means. 2xx is success, except an OSS receiveLicenseStatus answer whose
     * {@code responreceiveLicenseStatus.kode} is not 200 (OSS RBA 4.3.x answers HTTP 200 with kode 400
     * "Data izin tidak ditemukan"): that is a failure like any other, retried.
     */
    static Outcome outcome(int status, String retryAfter, String ossAnswer) {
        if (ossAnswer != null && status >= 200 && status < 300) {
            String refused = IzinStatus.refusal(ossAnswer);
            if (refused != null) {
                return new Outcome(status, refused, retryAfter, false);
            }
        }
        return new Outcome(status, null, retryAfter, status >= 200 && status < 300);
    }

    /**
     * What the client may no longer read is not sent, now or later: skipped with the reason, not a
     * failure (no retry, no dead letter), and the next event of its stream may go. The claim counted
     * an attempt that was not made; it is given back.
     */
    private Uni<Void> skip(Claimed delivery, String reason) {
        LOG.debugf("Webhook delivery %d skipped: %s", delivery.id(), reason);
        return pool.preparedQuery("""
                        update webhook_delivery set status = 'SKIPPED', skipped_at = now(), skip_reason = $2,
                               lease_until = null, attempts = attempts - 1
                         where id = $1""")
                .execute(Tuple.of(delivery.id(), reason)).replaceWithVoid();
    }

    private Uni<Void> record(Claimed delivery, Outcome outcome) {
        if (outcome.gone()) {
            return disable(delivery);
        }
        if (outcome.delivered()) {
            return pool.preparedQuery("""
                            update webhook_delivery set status = 'DELIVERED', delivered_at = now(), lease_until = null,
                                   last_status = $2, last_error = null
                             where id = $1""")
                    .execute(Tuple.of(delivery.id(), outcome.status())).replaceWithVoid();
        }
        String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
        if (delivery.attempts() >= config.webhooks().maxAttempts()) {
            LOG.infof("Webhook delivery %d dead after %d attempts: %s", delivery.id(), delivery.attempts(), error);
            return pool.preparedQuery("""
                            update webhook_delivery set status = 'DEAD', dead_at = now(), lease_until = null,
                                   last_status = $2, last_error = $3
                             where id = $1""")
                    .execute(Tuple.of(delivery.id(), outcome.status(), truncate(error))).replaceWithVoid();
        }
        long delay = delay(delivery.attempts(), outcome, clock.now());
        return pool.preparedQuery("""
                        update webhook_delivery set next_attempt_at = now() + make_interval(secs => $4),
                               lease_until = null, last_status = $2, last_error = $3
                         where id = $1""")
                .execute(Tuple.of(delivery.id(), outcome.status(), truncate(error), delay / 1000.0))
                .invoke(() -> vertx.setTimer(Math.max(1, delay), timer -> pump()))
                .replaceWithVoid();
    }

    /**
     * 410 Gone: the receiver wants nothing more from this subscription (Standard Webhooks, "Delivery
     * success and failure"). The subscription is made inactive with when and why, which its owner sees;
     * this delivery and any later ones wait, as for a paused subscription, and go out in order if the
     * owner enables it again. The attempt the claim counted stays counted.
     */
    private Uni<Void> disable(Claimed delivery) {
        LOG.infof("Webhook subscription %s disabled: its receiver answered 410 Gone", delivery.subscriptionId());
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                update webhook_subscription set active = false, disabled_at = now(), disabled_reason = $2,
                                       updated_at = now()
                                 where id = $1 and active""")
                        .execute(Tuple.of(delivery.subscriptionId(), RECEIVER_GONE))
                        .flatMap(disabled -> connection.preparedQuery("""
                                        update webhook_delivery set lease_until = null, next_attempt_at = now(),
                                               last_status = 410, last_error = 'HTTP 410: subscription disabled'
                                         where id = $1""")
                                .execute(Tuple.of(delivery.id()))))
                .replaceWithVoid();
    }

    /**
     * The wait before the next attempt: the backoff, or longer when a 429 or 503 answer's Retry-After
     * asks for it; never more than retry-max-ms, so a receiver cannot park a delivery for days.
     */
    long delay(int attempt, Outcome outcome, Instant now) {
        long backoff = backoff(attempt);
        Integer status = outcome.status();
        if (status == null || (status != 429 && status != 503)) {
            return backoff;
        }
        return Math.max(backoff, Math.min(config.webhooks().retryMaxMs(), retryAfterMs(outcome.retryAfter(), now)));
    }

    /** Retry-After as delta-seconds or an HTTP-date (RFC 9110 10.2.3), in ms from now; 0 when absent or unreadable. */
    static long retryAfterMs(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return 0;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            // Ten digits of seconds are already centuries: more is clamped rather than overflowing.
            return text.length() > 10 ? Long.MAX_VALUE / 2 : Long.parseLong(text) * 1000;
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException unreadable) {
            return 0;
        }
    }

    /** Exponential backoff with jitter: base * 2^(attempt-1), capped, then a random 50-100% of it. */
    long backoff(int attempt) {
        return SignedDelivery.backoff(attempt, config.webhooks().retryBaseMs(), config.webhooks().retryMaxMs());
    }

    /** A lease outlives the longest send, so only a replica that died loses its deliveries. */
    private int leaseSeconds() {
        return Math.max(30, config.webhooks().timeoutMs() / 1000 * 3);
    }

    /**
     * The JSON body: the event's id, type and time, and its payload as {@code data}; or, for an
     * OSS-format subscription, OSS's IZINSTATUS message (signed and retried all the same).
     */
    private static byte[] body(Claimed delivery) {
        if (IzinStatus.FORMAT.equals(delivery.format()) && delivery.oss() != null) {
            return IzinStatus.of(delivery.oss().permit(), delivery.payload(), delivery.createdAt(), delivery.oss().siteZone()).encode()
                    .getBytes(StandardCharsets.UTF_8);
        }
        JsonObject body = new JsonObject()
                .put("id", Long.toString(delivery.eventId()))
                .put("type", delivery.type())
                .put("createdAt", delivery.createdAt().toString())
                .put("data", delivery.payload());
        return body.encode().getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** A send's result: the HTTP status (null when none came), what went wrong, the answer's Retry-After. */
    record Outcome(Integer status, String error, String retryAfter, boolean delivered) {

        Outcome(Integer status, String error) {
            this(status, error, null, false);
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }

    private record Claimed(long id, int attempts, long eventId, String type, JsonObject payload,
                           OffsetDateTime createdAt, String url, String secret, String previousSecret,
                           OffsetDateTime previousSecretExpiresAt, String format, String signatureScheme,
                           UUID subscriptionId, OssPermit oss, WebhookAccess.Reader reader) {

        static Claimed of(Row row) {
            Object payload = row.getValue("payload");
            JsonObject json = payload instanceof JsonObject object ? object : new JsonObject(String.valueOf(payload));
            return new Claimed(row.getLong("id"), row.getInteger("attempts"), row.getLong("event_id"),
                    row.getString("type"), json, row.getOffsetDateTime("created_at"), row.getString("url"),
                    row.getString("secret_encrypted"), row.getString("previous_secret_encrypted"),
                    row.getOffsetDateTime("previous_secret_expires_at"), row.getString("format"),
                    row.getString("signature_scheme"), row.getUUID("subscription_id"),
                    row.getString("nib") == null ? null : new OssPermit(new IzinStatus.Permit(row.getString("nib"),
                            row.getString("id_proyek"), row.getString("id_izin"), row.getString("kd_izin"),
                            row.getString("oss_id"), row.getString("id_produk"), row.getString("kd_instansi")),
                            row.getString("time_zone")),
                    WebhookAccess.Reader.of(row.getUUID("client_id"), row.getString("client_name"),
                            row.getBoolean("client_active"), row.getString("client_kind"), row.getString("client_scopes"),
                            row.getString("client_agency"), row.getString("client_site")));
        }
    }

    /** The permit OSS pushed in for the event's application, if it did. */
    private record OssPermit(IzinStatus.Permit permit, String siteZone) {
    }
}
