package id.satupintu.identity;

import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The three grants of {@code POST /api/v1/auth/token}. Failures are problems with OAuth-like codes:
 * invalid-grant (wrong username/password or unusable refresh token, 400), invalid-client (401),
 * unsupported-grant-type (400), invalid-scope (400), account-locked (429 with Retry-After).
 * An unknown username costs the same hashing time, counts towards the same lock and gets the same
 * answer as a wrong password.
 */
@ApplicationScoped
public class TokenService {

    static final int MAX_NAME = 64;
    static final int MAX_SECRET = 256;
    static final int MAX_TOKEN = 128;
    static final int MAX_SCOPE = 1000;
    private static final Pattern NIK_SHAPED = Pattern.compile("\\d{16}");

    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    AccessTokenIssuer issuer;
    @Inject
    PersonalDataProtection protection;

    @Inject
    Clock clock;

    /**
     * No session spans the whole grant: hashing and failure delays take time, and a database
     * connection held through them would let a burst of bad sign-ins drain the pool. Each look-up
     * opens a short session of its own.
     */
    public Uni<TokenResponse> token(TokenRequest request, String authorization) {
        return Uni.createFrom().deferred(() -> grant(request, authorization));
    }

    private Uni<TokenResponse> grant(TokenRequest request, String authorization) {
        if (request == null) {
            throw ProblemException.validation("grant_type", "required");
        }
        String grant = request.grantType();
        if (grant == null || grant.isBlank()) {
            throw ProblemException.validation("grant_type", "required");
        }
        return switch (grant) {
            case "password" -> password(request);
            case "client_credentials" -> clientCredentials(request, authorization);
            case "refresh_token" -> refresh(request);
            default -> throw new ProblemException(400, "unsupported-grant-type",
                    grant.length() > 40 ? grant.substring(0, 40) + "..." : grant);
        };
    }

    private Uni<TokenResponse> password(TokenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "username", request.username(), MAX_NAME);
        check(errors, "password", request.password(), MAX_SECRET);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String identifier = request.username().trim();
        boolean byNik = NIK_SHAPED.matcher(identifier).matches();
        String nikIndex = byNik ? protection.blindIndex("nik", identifier) : null;
        return Panache.withSession(() -> byNik ? IdentityUser.claimantsOf(nikIndex)
                        : IdentityUser.findByUsername(identifier).map(user -> user == null ? List.<IdentityUser>of()
                                : List.of(user)))
                .chain(candidates -> {
                    // The lock belongs to the account, whichever identifier names it (see throttleSubject).
                    String subject = byNik ? throttle.subject("nik", nikIndex)
                            : candidates.isEmpty() ? throttle.subject("user", identifier)
                            : throttleSubject(candidates.get(0));
                    return throttle.attempt(subject).chain(attempt -> matching(request.password(), candidates)
                            .chain(user -> user == null
                                    ? throttle.<IdentityUser>failed(attempt, new ProblemException(400, "invalid-grant"))
                                    : throttle.succeeded(subject).replaceWith(user)));
                })
                .chain(user -> refreshTokens.issue(user.id).map(refresh -> forUser(user, refresh)));
    }

    /**
     * The throttle subject of an account: a citizen's is its NIK (shared by every account claiming it,
     * and the same whether signing in with the NIK or the username), a member of staff's its id. An
     * unknown NIK gets the subject a known one would, and an unknown username its own: either way the
     * answers match those for an existing account.
     */
    private String throttleSubject(IdentityUser user) {
        return user.nikIndex != null ? throttle.subject("nik", user.nikIndex)
                : throttle.subject("account", user.id.toString());
    }

    /**
     * The active account whose password this is, the newest first when several claim one NIK. Every
     * candidate is checked, so the time taken does not depend on which one matches; none costs a decoy check.
     */
    private Uni<IdentityUser> matching(String password, List<IdentityUser> candidates) {
        if (candidates.isEmpty()) {
            return hasher.verify(password, null).replaceWith((IdentityUser) null);
        }
        List<Uni<Boolean>> checks = candidates.stream().map(user -> hasher.verify(password, user.passwordHash)).toList();
        return Uni.join().all(checks).andFailFast().map(matches -> {
            for (int i = 0; i < candidates.size(); i++) {
                if (matches.get(i) && candidates.get(i).active) {
                    return candidates.get(i);
                }
            }
            return null;
        });
    }

    private Uni<TokenResponse> refresh(TokenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "refresh_token", request.refreshToken(), MAX_TOKEN);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return refreshTokens.rotate(request.refreshToken().trim())
                .chain(rotation -> Panache.withSession(() -> IdentityUser.<IdentityUser>findById(rotation.userId()))
                        .map(user -> forUser(user, rotation.token())));
    }

    private Uni<TokenResponse> clientCredentials(TokenRequest request, String authorization) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String clientId = request.clientId();
        String secret = request.clientSecret();
        if (basic) {
            String[] pair = basicCredentials(authorization.substring(6).trim());
            clientId = pair[0];
            secret = pair[1];
        }
        List<FieldError> errors = new ArrayList<>();
        check(errors, "client_id", clientId, MAX_NAME);
        check(errors, "client_secret", secret, MAX_SECRET);
        if (request.scope() != null && request.scope().length() > MAX_SCOPE) {
            errors.add(FieldError.of("scope", "size", 0, MAX_SCOPE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return verifiedClient(clientId.trim(), secret).map(client -> forClient(client, request.scope()));
    }

    /**
     * The active API client with this id and secret, under the same throttle as the token
     * endpoint; fails with 401 invalid-client (or 429 account-locked). Open311's api_key, which
     * carries a client's credentials, is checked here too so both doors lock together.
     */
    public Uni<Caller> authenticateClient(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_NAME
                || secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
            return Uni.createFrom().failure(invalidClient());
        }
        return Uni.createFrom().deferred(() -> verifiedClient(clientId.trim(), secret)).map(TokenService::callerOf);
    }

    /**
     * A client's credentials in an {@code Authorization: Basic} header (as for the token endpoint,
     * RFC 6749 2.3.1), for a door that takes them directly, as OSS sends them: checked like
     * {@link #authenticateClient}; a malformed header is 401 invalid-client too.
     */
    public Uni<Caller> authenticateBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Uni.createFrom().failure(invalidClient());
        }
        return Uni.createFrom().deferred(() -> {
            String[] pair = basicCredentials(authorization.substring(6).trim());
            return authenticateClient(pair[0], pair[1]);
        });
    }

    /**
     * The stored, active API client with this client_id as a caller, for a door that authenticated it
     * by other means (OSS's Token header, whose credentials the operator configures for that client):
     * its scopes and binding as stored now; a revoked or unknown client fails with 401 invalid-client.
     */
    public Uni<Caller> activeClient(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Uni.createFrom().failure(invalidClient());
        }
        return Panache.withSession(() -> ApiClient.findByClientId(clientId.trim())).map(client -> {
            if (client == null || !client.active) {
                throw invalidClient();
            }
            return callerOf(client);
        });
    }

    private static Caller callerOf(ApiClient client) {
        return new Caller(client.id.toString(), client.clientId, Set.of(client.kind), client.agencyCode,
                client.siteCode, true, client.scopeSet());
    }

    private Uni<ApiClient> verifiedClient(String id, String givenSecret) {
        String subject = throttle.subject("client", id);
        return throttle.attempt(subject).chain(attempt -> Panache.withSession(() -> ApiClient.findByClientId(id))
                .chain(client -> hasher.verify(givenSecret, client == null ? null : client.secretHash)
                        // During a rotation's grace period the previous secret still signs in.
                        .chain(matches -> matches || client == null || !client.inRotationGrace(clock.now())
                                ? Uni.createFrom().item(matches) : hasher.verify(givenSecret, client.previousSecretHash))
                        .map(matches -> matches && client.active ? client : null))
                .chain(client -> client == null
                        ? throttle.<ApiClient>failed(attempt, invalidClient())
                        : throttle.succeeded(subject).replaceWith(client)));
    }

    private TokenResponse forUser(IdentityUser user, String refreshToken) {
        Set<String> roles = Set.of(user.role);
        String name = user.username != null ? user.username : user.id.toString();
        String access = issuer.issue(new AccessTokenIssuer.Subject(user.id.toString(), name, roles, user.agencyCode,
                user.siteCode, Set.of(), false));
        return new TokenResponse(access, "Bearer", issuer.lifetime().toSeconds(), refreshToken, user.role);
    }

    private TokenResponse forClient(ApiClient client, String requestedScope) {
        Set<String> allowed = client.scopeSet();
        Set<String> granted = allowed;
        if (requestedScope != null && !requestedScope.isBlank()) {
            granted = Scopes.split(requestedScope);
            if (!allowed.containsAll(granted)) {
                throw new ProblemException(400, "invalid-scope");
            }
        }
        String access = issuer.issue(new AccessTokenIssuer.Subject(client.id.toString(), client.clientId,
                Set.of(client.kind), client.agencyCode, client.siteCode, granted, true), client.tokenGeneration);
        return new TokenResponse(access, "Bearer", issuer.lifetime().toSeconds(), null, String.join(" ", granted));
    }

    /** RFC 6749 section 2.3.1: base64 of form-encoded client_id ":" client_secret. */
    private static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw invalidClient();
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException malformed) {
            throw invalidClient();
        }
    }

    private static ProblemException invalidClient() {
        return new ProblemException(401, "invalid-client").header("WWW-Authenticate", "Basic realm=\"satupintu\"");
    }

    static void check(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "size", 1, max));
        }
    }
}
