package id.satupintu.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.DatabaseOutage;
import id.satupintu.platform.error.Problem;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.jobs.Clock;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Every request made with an API client's token passes here first, on every path (REST, GraphQL,
 * SSE, the WebSocket upgrade), before any resource runs. One SQL statement per call decides two
 * things that must hold across replicas:
 * <ul>
 * <li>revocation: the client must still be active and the token of its current token generation
 * (revocation, rotation and edits move the generation on), else 401 {@code client-token-revoked};
 * access tokens live 15 minutes, so without this a revoked client would go on that long;</li>
 * <li>the rate limit: calls per fixed window counted in one row per client in PostgreSQL, so
 * every replica counts against the same number; over the limit 429 {@code client-rate-limited}
 * with Retry-After up to the window's end.</li>
 * </ul>
 * Each such call, refused ones included, is then written to the audit log ({@link ClientCallLog}).
 * People's tokens cost a base64 decode here and nothing more. A token that does not verify is left
 * to the normal authentication, which refuses it.
 */
@ApplicationScoped
class ClientCallGate {

    private static final Logger LOG = Logger.getLogger(ClientCallGate.class);

    /**
     * The client's state and, when it may call, its count in the current window (upserted). A window
     * starts at a multiple of the window length since the epoch; a new one resets the count. The database's
     * clock times it, not the Clock: a rate limit, one clock for every replica.
     */
    static final String CHECK = """
            with c as (
              select id, active, token_generation, coalesce(rate_limit, $3::int) as call_limit
              from identity_api_client where id = $1),
            w as (
              insert into identity_api_client_usage as u (client_id, window_start, calls)
              select id, to_timestamp(floor(extract(epoch from clock_timestamp()) / $4::int) * $4::int), 1
              from c where c.active and c.token_generation = $2::int
              on conflict (client_id) do update
                set calls = case when u.window_start = excluded.window_start then u.calls + 1 else 1 end,
                    window_start = excluded.window_start
              returning calls, window_start)
            select c.active, c.token_generation = $2::int as current, c.call_limit, w.calls,
              ceil(extract(epoch from (w.window_start + make_interval(secs => $4::int) - clock_timestamp())))::int
                as seconds_left
            from c left join w on true""";

    @Inject
    JWTParser parser;
    @Inject
    Pool pool;
    @Inject
    ClientCallLog log;
    @Inject
    ProblemFactory problems;
    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    DatabaseOutage outage;

    /** Calls a client may make per window unless an administrator set its own limit. */
    @Inject
    IdentityConfig config;


    /** Right after BodyLimit (which refuses oversized bodies without reading them). */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    /** A verified client token: the client it speaks for and the token generation it carries. */
    public record ClientToken(UUID clientId, int generation) {
    }

    /** The answer for one call: go ahead (refusal null, with the limit and what is left) or refused. */
    public record Admission(ProblemException refusal, int limit, int remaining) {
    }

    /**
     * The client a bearer token speaks for, when it is a valid client token; null for people's tokens
     * and for tokens that do not verify (authentication proper deals with those).
     */
    public ClientToken clientToken(String token) {
        if (token == null || !claimsClient(token)) {
            return null;
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            return new ClientToken(UUID.fromString(jwt.getSubject()), generation(jwt));
        } catch (ParseException | IllegalArgumentException | NullPointerException invalid) {
            return null;
        }
    }

    /**
     * Revocation and rate limit for one call of the client, in one statement. With the database away
     * nothing can be decided, and the call is refused with a 503 the client may retry.
     */
    public Uni<Admission> admit(ClientToken token) {
        return pool.preparedQuery(CHECK)
                .execute(Tuple.of(token.clientId(), token.generation(), config.clients().rateLimit(),
                        config.clients().rateWindowSeconds()))
                .map(rows -> decide(rows.size() == 0 ? null : rows.iterator().next()))
                .onFailure(DatabaseOutage::recognises).recoverWithItem(e -> new Admission(
                        outage.problem(e, "client check of " + token.clientId()), 0, 0));
    }

    /** Records a call of a client in the audit log (written a moment later, in a batch). */
    public void audit(UUID clientId, String method, String path, int status, long startedAtMillis, long durationMs) {
        log.record(clientId, method, path, status, startedAtMillis, durationMs);
    }

    void handle(RoutingContext ctx) {
        ClientToken token = clientToken(bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
        if (token == null) {
            ctx.next();
            return;
        }
        // When the call came (the audit entry's time) from the clock; how long it took from nanoTime, a duration.
        long started = System.nanoTime();
        long startedAt = clock.now().toEpochMilli();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        ctx.addEndHandler(ended -> audit(token.clientId(), method, path, ctx.response().getStatusCode(), startedAt,
                (System.nanoTime() - started) / 1_000_000));
        // The body must wait for the handlers after us while the database answers.
        pause(ctx.request());
        admit(token).subscribe().with(admission -> {
            if (admission.refusal() != null) {
                refuse(ctx, admission.refusal());
                return;
            }
            ctx.response().putHeader("RateLimit-Limit", Integer.toString(admission.limit()));
            ctx.response().putHeader("RateLimit-Remaining", Integer.toString(admission.remaining()));
            ctx.next();
        }, failure -> {
            LOG.errorf(failure, "client check failed for %s", token.clientId());
            resume(ctx.request());
            ctx.fail(failure);
        });
    }

    /**
     * A body already read whole (the edge reads JSON, GraphQL and form bodies before this gate) has
     * nothing left to hold back, and an HTTP/2 request refuses pause and resume once it has ended.
     */
    private static void pause(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.pause();
        }
    }

    private static void resume(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.resume();
        }
    }

    private Admission decide(Row row) {
        if (row == null || !row.getBoolean("active") || !row.getBoolean("current")) {
            return new Admission(new ProblemException(401, "client-token-revoked")
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\""), 0, 0);
        }
        int calls = row.getInteger("calls");
        int limit = row.getInteger("call_limit");
        if (calls > limit) {
            int retryAfter = Math.max(1, row.getInteger("seconds_left"));
            int window = config.clients().rateWindowSeconds();
            return new Admission(new ProblemException(429, "client-rate-limited", limit, window, retryAfter)
                    .header("Retry-After", Integer.toString(retryAfter)), limit, 0);
        }
        return new Admission(null, limit, limit - calls);
    }

    /** A refusal as the client reads it, in the language the request asked for. */
    Problem describe(ProblemException e, String acceptLanguage, String path) {
        return problems.create(e, Messages.negotiate(acceptLanguage), path);
    }

    private void refuse(RoutingContext ctx, ProblemException e) {
        var locale = Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem body = problems.create(e, locale, ctx.request().path());
        try {
            var response = ctx.response().setStatusCode(e.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
            e.headers().forEach(response::putHeader);
            resume(ctx.request());
            response.end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException failure) {
            ctx.fail(failure);
        }
    }

    /** The token of an "Authorization: Bearer ..." value, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * Whether the unverified payload says "client". Only a hint to skip people's tokens cheaply: a
     * token that says so is verified before anything is decided on it.
     */
    static boolean claimsClient(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8);
            return payload.contains("\"sub_type\":\"client\"");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static int generation(JsonWebToken jwt) {
        Object value = jwt.getClaim(AccessTokenIssuer.GENERATION_CLAIM);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.intValue();
        }
        return 0;
    }
}
