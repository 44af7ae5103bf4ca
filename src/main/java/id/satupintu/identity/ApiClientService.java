package id.satupintu.identity;

import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemMappers;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * API clients as administrators manage them: create (the secret is shown once), list, read, replace
 * the settings, rotate the secret, revoke. Every change that narrows what a client may do moves its
 * token generation on, so tokens issued before stop at their next call (ClientCallGate) instead of
 * living out their 15 minutes. Each change is an event on the client's stream, in its transaction.
 */
@ApplicationScoped
class ApiClientService {

    /** Devices are placed somewhere: a kiosk, a drive-thru lane, a display board and a counter tablet serve one site. */
    private static final Set<String> SITE_BOUND = Set.of(Roles.KIOSK, Roles.DRIVE_THRU, Roles.DISPLAY_BOARD,
            Roles.COUNTER_TABLET);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    InputValidator validator;
    @Inject
    PasswordHasher hasher;
    @Inject
    AgencyService agencies;
    @Inject
    SiteService sites;
    @Inject
    EventLog events;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<ApiClientSecret> create(Caller admin, ApiClientInput input) {
        List<FieldError> errors = validator.violations(input, "body");
        InputValidator.failIfAny(errors);
        if (input.clientId() == null) {
            errors.add(FieldError.of("clientId", "required"));
        }
        if (input.kind() == null || !Roles.CLIENT_KINDS.contains(input.kind())) {
            errors.add(FieldError.of("kind", input.kind() == null ? "required" : "unknown-client-kind",
                    String.join(", ", Roles.CLIENT_KINDS.stream().sorted().toList())));
        }
        checkSettings(input, input.kind(), errors);
        InputValidator.failIfAny(errors);
        String secret = newSecret();
        return checkBinding(input)
                .chain(() -> ApiClient.count("lower(clientId) = ?1", input.clientId().toLowerCase(Locale.ROOT)))
                .chain(count -> {
                    if (count > 0) {
                        throw ProblemException.conflict("api-client-exists", input.clientId());
                    }
                    return hasher.hash(secret);
                })
                .chain(hash -> {
                    ApiClient client = new ApiClient();
                    client.id = UUID.randomUUID();
                    client.clientId = input.clientId();
                    client.kind = input.kind();
                    client.secretHash = hash;
                    client.active = true;
                    apply(client, input);
                    client.createdAt = client.updatedAt;
                    return client.<ApiClient>persist().call(Panache::flush);
                })
                // Two administrators creating the same client_id at once: the unique index decides.
                .onFailure(e -> "23505".equals(ProblemMappers.sqlState(e)))
                .transform(e -> ProblemException.conflict("api-client-exists", input.clientId()))
                .call(client -> changed(admin, client, "api-client.created"))
                .map(client -> new ApiClientSecret(view(client), secret));
    }

    @WithSession
    public Uni<ApiClientView> find(String clientId) {
        return byClientId(clientId).map(this::view);
    }

    /** One page ordered by client_id; {@code active} filters revoked (false) or live (true) clients. */
    @WithSession
    public Uni<Page<ApiClientView>> list(Boolean active, String kind, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (active != null) {
            hql.append(" and active = :active");
            params.and("active", active);
        }
        if (kind != null) {
            if (!Roles.CLIENT_KINDS.contains(kind)) {
                throw ProblemException.validation("kind", "unknown-client-kind",
                        String.join(", ", Roles.CLIENT_KINDS.stream().sorted().toList()));
            }
            hql.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (!after.isEmpty()) {
            hql.append(" and lower(clientId) > :after");
            params.and("after", after.get(0));
        }
        hql.append(" order by lower(clientId)");
        return ApiClient.<ApiClient>find(hql.toString(), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, c -> Cursor.encode(c.clientId.toLowerCase(Locale.ROOT)))
                        .map(this::view));
    }

    /** Replaces name, scopes, binding and rate limit; tokens issued before stop working. */
    @WithTransaction
    public Uni<ApiClientView> replace(Caller admin, String clientId, ApiClientInput input) {
        List<FieldError> errors = validator.violations(input, "body");
        InputValidator.failIfAny(errors);
        return locked(clientId).chain(client -> {
            if (input.clientId() != null && !input.clientId().equalsIgnoreCase(client.clientId)) {
                errors.add(FieldError.of("clientId", "immutable"));
            }
            if (input.kind() != null && !input.kind().equals(client.kind)) {
                errors.add(FieldError.of("kind", "immutable"));
            }
            checkSettings(input, client.kind, errors);
            InputValidator.failIfAny(errors);
            return checkBinding(input).chain(() -> {
                apply(client, input);
                client.tokenGeneration++;
                return changed(admin, client, "api-client.updated");
            }).replaceWith(client);
        }).map(this::view);
    }

    /**
     * A new secret, shown once. The old one stops at once, or after graceSeconds; tokens issued
     * before stop at once (a rotation is often a reaction to a leak).
     */
    @WithTransaction
    public Uni<ApiClientSecret> rotate(Caller admin, String clientId, RotationInput input) {
        InputValidator.failIfAny(validator.violations(input == null ? new RotationInput(0) : input, "body"));
        int grace = input == null || input.graceSeconds() == null ? 0 : input.graceSeconds();
        String secret = newSecret();
        return locked(clientId).chain(client -> hasher.hash(secret).chain(hash -> {
            OffsetDateTime now = now();
            client.previousSecretHash = grace > 0 ? client.secretHash : null;
            client.previousSecretUntil = grace > 0 ? now.plusSeconds(grace) : null;
            client.secretHash = hash;
            client.secretRotatedAt = now;
            client.updatedAt = now;
            client.tokenGeneration++;
            return changed(admin, client, "api-client.secret-rotated").replaceWith(client);
        })).map(client -> new ApiClientSecret(view(client), secret));
    }

    /** Revokes for good: no new token, and tokens already issued are refused from their next call. */
    @WithTransaction
    public Uni<ApiClientView> revoke(Caller admin, String clientId) {
        return locked(clientId).chain(client -> {
            OffsetDateTime now = now();
            client.active = false;
            client.revokedAt = now;
            client.updatedAt = now;
            client.previousSecretHash = null;
            client.previousSecretUntil = null;
            client.tokenGeneration++;
            return changed(admin, client, "api-client.revoked").replaceWith(client);
        }).map(this::view);
    }

    /** The client's id for the audit-log filter; 404 when there is no such client. */
    @WithSession
    public Uni<UUID> idOf(String clientId) {
        return byClientId(clientId).map(client -> client.id);
    }

    private static Uni<ApiClient> byClientId(String clientId) {
        if (clientId == null || clientId.length() > TokenService.MAX_NAME) {
            return Uni.createFrom().failure(ProblemException.notFound("api-client", clientId));
        }
        return ApiClient.findByClientId(clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("api-client", clientId));
    }

    /** The live client locked for the transaction: racing changes take turns; a revoked one is final. */
    private static Uni<ApiClient> locked(String clientId) {
        if (clientId == null || clientId.length() > TokenService.MAX_NAME) {
            return Uni.createFrom().failure(ProblemException.notFound("api-client", clientId));
        }
        return ApiClient.<ApiClient>find("lower(clientId) = ?1", clientId.toLowerCase(Locale.ROOT))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("api-client", clientId))
                .invoke(client -> {
                    if (!client.active) {
                        throw ProblemException.conflict("api-client-revoked", client.clientId);
                    }
                });
    }

    private static void checkSettings(ApiClientInput input, String kind, List<FieldError> errors) {
        List<String> scopes = input.scopes() == null ? List.of() : input.scopes();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (!Scopes.KNOWN.contains(scope)) {
                errors.add(FieldError.of("scopes[" + i + "]", "unknown-scope", scope,
                        String.join(", ", Scopes.KNOWN.stream().sorted().toList())));
            } else if (!seen.add(scope)) {
                errors.add(FieldError.of("scopes[" + i + "]", "duplicate"));
            }
        }
        if (kind != null && SITE_BOUND.contains(kind) && input.siteCode() == null) {
            errors.add(FieldError.of("siteCode", "required-for-device"));
        }
    }

    /** Agency and site must exist, and the agency must serve at the site when both are given. */
    private Uni<Void> checkBinding(ApiClientInput input) {
        Uni<List<FieldError>> agency = input.agencyCode() == null ? Uni.createFrom().item(new ArrayList<>())
                : agencies.byCodes(Set.of(input.agencyCode())).map(found -> {
                    List<FieldError> errors = new ArrayList<>();
                    var a = found.get(input.agencyCode());
                    if (a == null) {
                        errors.add(FieldError.of("agencyCode", "unknown-agency", input.agencyCode()));
                    } else if (input.siteCode() != null && !a.servesAt(input.siteCode())) {
                        errors.add(FieldError.of("siteCode", "agency-not-at-site", input.agencyCode(), input.siteCode()));
                    }
                    return errors;
                });
        return agency.chain(errors -> input.siteCode() == null ? Uni.createFrom().item(errors)
                : sites.find(input.siteCode()).replaceWith(errors)
                        .onFailure(ProblemException.class).recoverWithItem(() -> {
                            errors.removeIf(e -> e.field().equals("siteCode"));
                            errors.add(FieldError.of("siteCode", "unknown-site", input.siteCode()));
                            return errors;
                        }))
                .invoke(InputValidator::failIfAny).replaceWithVoid();
    }

    private void apply(ApiClient client, ApiClientInput input) {
        client.name = input.name().trim();
        client.scopes = String.join(" ", input.scopes() == null ? List.of() : new LinkedHashSet<>(input.scopes()));
        client.agencyCode = input.agencyCode();
        client.siteCode = input.siteCode();
        client.rateLimit = input.rateLimit();
        client.updatedAt = now();
    }

    /** Who changed what, never the secret. */
    private Uni<Void> changed(Caller admin, ApiClient client, String type) {
        return events.append("api-client:" + client.id, type, Map.of("clientId", client.clientId, "by", admin.id(),
                "tokenGeneration", client.tokenGeneration)).replaceWithVoid();
    }

    /** 32 random bytes, URL-safe: 43 characters, well within the grant's 256. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ApiClientView view(ApiClient client) {
        return ApiClientView.of(client, clock.now());
    }

    private OffsetDateTime now() {
        return clock.timestamp();
    }
}
