package id.satupintu.integration.webhook;

import id.satupintu.integration.IntegrationConfig;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.integration.oss.IzinStatus;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Webhook subscriptions of API clients. Only an integrator holding {@code webhooks:manage} manages
 * them, and only its own. Each event family needs the client's read scope for it, on subscribing and
 * again on every send; what a client hears follows its current binding (see {@link WebhookAccess}).
 */
@ApplicationScoped
class WebhookSubscriptions {

    public static final String MANAGE_SCOPE = Scopes.WEBHOOKS_MANAGE;
    /** The read scope an event family needs (the family is the type up to the first dot). */
    static final Map<String, String> FAMILY_SCOPES = Map.of(
            "application", Scopes.APPLICATIONS_READ,
            "ticket", Scopes.QUEUE_READ,
            "complaint", Scopes.COMPLAINTS_READ);
    static final int MAX_EVENT_TYPES = 20;
    /** Body shapes: ours, or OSS's license-status message (application events only). */
    static final List<String> FORMATS = List.of("satupintu", IzinStatus.FORMAT);
    static final int MAX_SUBSCRIPTIONS_PER_CLIENT = 25;
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}\\.(\\*|[a-z0-9-]{1,60})");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookTargets targets;

    @Inject
    PersonalDataProtection protection;

    @Inject
    Clock clock;

    /** How long a rotated-out secret keeps signing beside the new one, so receivers can switch. */
    @Inject
    IntegrationConfig config;

    @WithSession
    public Uni<List<WebhookSubscriptionView>> list(Caller caller) {
        UUID owner = owner(caller);
        return WebhookSubscription.<WebhookSubscription>list("clientId = ?1 order by createdAt, id", owner)
                .map(all -> all.stream().map(s -> WebhookSubscriptionView.of(s, caller, null)).toList());
    }

    @WithSession
    public Uni<WebhookSubscriptionView> find(Caller caller, String id) {
        return owned(caller, id).map(s -> WebhookSubscriptionView.of(s, caller, null));
    }

    /** Checks the input and the target first (a DNS look-up), then stores; the secret is shown once. */
    public Uni<WebhookSubscriptionView> create(Caller caller, WebhookSubscriptionInput input) {
        UUID owner = owner(caller);
        List<String> types = eventTypes(caller, input);
        return targets.check(input.url())
                .flatMap(target -> Panache.withTransaction(() -> store(caller, owner, input, types)));
    }

    private Uni<WebhookSubscriptionView> store(Caller caller, UUID owner, WebhookSubscriptionInput input, List<String> types) {
        // Parallel creates of one client count one after another, so the limit holds.
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked")
                        .setParameter(1, "webhook-subscriptions:" + owner).getSingleResult())
                .flatMap(locked -> WebhookSubscription.count("clientId", owner)).flatMap(count -> {
            if (count >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
                throw ProblemException.conflict("webhook-subscription-limit", MAX_SUBSCRIPTIONS_PER_CLIENT);
            }
            String secret = newSecret();
            WebhookSubscription s = new WebhookSubscription();
            s.id = UUID.randomUUID();
            s.clientId = owner;
            s.clientName = caller.name();
            apply(s, input, types);
            s.secretEncrypted = protection.encrypt(secret);
            s.createdAt = s.updatedAt;
            return s.<WebhookSubscription>persist().map(saved -> WebhookSubscriptionView.of(saved, caller, secret));
        });
    }

    public Uni<WebhookSubscriptionView> replace(Caller caller, String id, WebhookSubscriptionInput input) {
        owner(caller);
        List<String> types = eventTypes(caller, input);
        return targets.check(input.url())
                .flatMap(target -> Panache.withTransaction(() -> update(caller, id, input, types)));
    }

    private Uni<WebhookSubscriptionView> update(Caller caller, String id, WebhookSubscriptionInput input, List<String> types) {
        return owned(caller, id).map(s -> {
            // Standard Webhooks receivers base64-decode the secret; one made before secrets were standard
            // base64 cannot be used by them: a rotation first gives the subscription a usable one.
            if (WebhookSignature.STANDARD.equals(input.signatureScheme()) && !WebhookSignature.STANDARD.equals(s.signatureScheme)
                    && WebhookSignature.standardKey(protection.decrypt(s.secretEncrypted)) == null) {
                throw new ProblemException(409, "webhook-secret-not-standard", s.id.toString());
            }
            apply(s, input, types);
            return WebhookSubscriptionView.of(s, caller, null);
        });
    }

    /** Deleting a subscription drops its pending deliveries and dead letters with it. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return owned(caller, id).flatMap(s -> s.delete());
    }

    /** A new secret signs from now on; the previous one also signs until the grace period ends. */
    @WithTransaction
    public Uni<WebhookSubscriptionView> rotateSecret(Caller caller, String id) {
        return owned(caller, id).map(s -> {
            String secret = newSecret();
            OffsetDateTime now = now();
            s.previousSecretEncrypted = s.secretEncrypted;
            s.previousSecretExpiresAt = now.plusHours(config.webhooks().secretGraceHours());
            s.secretEncrypted = protection.encrypt(secret);
            s.updatedAt = now;
            return WebhookSubscriptionView.of(s, caller, secret);
        });
    }

    private void apply(WebhookSubscription s, WebhookSubscriptionInput input, List<String> types) {
        s.url = input.url().strip();
        s.eventTypes = types;
        s.typePatterns = types.stream().map(WebhookSubscriptions::likePattern).toList();
        s.active = input.active() == null || input.active();
        s.format = input.format() == null ? FORMATS.get(0) : input.format();
        s.signatureScheme = input.signatureScheme() == null ? WebhookSignature.SATUPINTU : input.signatureScheme();
        if (s.active) {
            // Enabled again by its owner after a 410: the receiver wants deliveries once more.
            s.disabledAt = null;
            s.disabledReason = null;
        }
        s.updatedAt = now();
    }

    private Uni<WebhookSubscription> owned(Caller caller, String id) {
        UUID owner = owner(caller);
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Uni.createFrom().failure(ProblemException.notFound("webhook-subscription", id));
        }
        return WebhookSubscription.<WebhookSubscription>findById(key).map(s -> {
            // Another client's subscription answers like one that does not exist.
            if (s == null || !s.clientId.equals(owner)) {
                throw ProblemException.notFound("webhook-subscription", id);
            }
            return s;
        });
    }

    /** The client that owns subscriptions; 403 for anyone without webhooks:manage. */
    private static UUID owner(Caller caller) {
        if (!caller.client() || !caller.hasRole(Roles.INTEGRATOR) || !caller.hasScope(MANAGE_SCOPE)
                || caller.uuid().isEmpty()) {
            throw ProblemException.forbidden();
        }
        return caller.uuid().get();
    }

    /** Validated, de-duplicated event types; a family needs its read scope (403 otherwise). */
    private static List<String> eventTypes(Caller caller, WebhookSubscriptionInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.url() == null || input.url().isBlank()) {
            errors.add(FieldError.of("url", "required"));
        }
        List<String> given = input.eventTypes();
        if (given == null || given.isEmpty()) {
            errors.add(FieldError.of("eventTypes", "required"));
        } else if (given.size() > MAX_EVENT_TYPES) {
            errors.add(FieldError.of("eventTypes", "size", 1, MAX_EVENT_TYPES));
        } else {
            for (int i = 0; i < given.size(); i++) {
                String type = given.get(i);
                if (type == null || !EVENT_TYPE.matcher(type).matches()) {
                    errors.add(FieldError.of("eventTypes[" + i + "]", "invalid-format"));
                } else if (!FAMILY_SCOPES.containsKey(family(type))) {
                    errors.add(FieldError.of("eventTypes[" + i + "]", "webhook-unknown-event-family", family(type)));
                }
            }
        }
        if (input.format() != null && !FORMATS.contains(input.format())) {
            errors.add(FieldError.of("format", "webhook-unknown-format", String.join(", ", FORMATS)));
        } else if (IzinStatus.FORMAT.equals(input.format()) && given != null
                && given.stream().anyMatch(type -> type != null && !type.startsWith("application."))) {
            errors.add(FieldError.of("eventTypes", "webhook-format-applications-only", input.format()));
        }
        if (input.signatureScheme() != null && !WebhookSignature.SCHEMES.contains(input.signatureScheme())) {
            errors.add(FieldError.of("signatureScheme", "webhook-unknown-format", String.join(", ", WebhookSignature.SCHEMES)));
        }
        InputValidator.failIfAny(errors);
        Set<String> types = new LinkedHashSet<>(given);
        for (String type : types) {
            String scope = WebhookAccess.readScope(type);
            if (!caller.hasScope(scope)) {
                throw new ProblemException(403, "webhook-scope-missing", type, scope);
            }
        }
        return List.copyOf(types);
    }

    static String family(String type) {
        return type.substring(0, type.indexOf('.'));
    }

    /** 'application.*' becomes 'application.%'; '_' (a LIKE wildcard) cannot occur, see EVENT_TYPE. */
    static String likePattern(String type) {
        return type.endsWith(".*") ? type.substring(0, type.length() - 1) + "%" : type;
    }

    /**
     * whsec_ and 32 random bytes in standard base64, the Standard Webhooks serialization, so that the
     * same secret serves both schemes (ours keys by the whole text, theirs by the decoded bytes).
     */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return clock.timestamp();
    }
}
