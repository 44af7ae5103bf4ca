package id.satupintu.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.LogCapture;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's own fuzzer. It walks the service's OpenAPI document and its GraphQL schema and sends, for
 * every operation, plausible and hostile requests (see {@link Hostile}) with a token of every role (eleven), then
 * fails on any 5xx, any /api/v1 4xx that is not problem+json with a stable code (Open311: a GeoReport
 * error), any class name or stack trace in an answer, any refused write that changed a table, any request
 * left unanswered, and any ERROR logged meanwhile. It runs on a database of its own (FuzzDatabase).
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnDatabase.class)
class ApiFuzzTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FuzzDatabase.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /**
     * The roles whose calls pass authorization most often. The per-field hostile values go to the admin and
     * to one of the others in turn: each hostile value meets the validation behind every kind of access,
     * at half the requests of sending each to all four (the run stays within a few minutes of CI).
     */
    private static final List<String> DEEP = List.of("citizen", "integrator", "kiosk");
    private int turn;

    private static LogCapture errors;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Findings findings = new Findings();

    @AfterAll
    static void stopListening() {
        if (errors != null) {
            errors.close();
        }
    }

    @Test
    void everyRestOperationAnswersHostileInputWithAProblem() throws Exception {
        Map<String, String> tokens = tokens();
        JsonNode document = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
        listen();
        try (DatabaseFingerprint database = new DatabaseFingerprint()) {
            new RestCases(document).each(c -> roles(c.deep(), tokens).forEach((role, token) -> rest(c, role, token, database)));
        }
        finish();
    }

    @Test
    void everyGraphQLFieldAnswersHostileVariablesWithStableErrors() throws Exception {
        Map<String, String> tokens = tokens();
        String introspection = JSON.createObjectNode().put("query", GraphQLCases.INTROSPECTION).toString();
        JsonNode schema = JSON.readTree(send("POST", "/graphql", "application/json",
                introspection.getBytes(StandardCharsets.UTF_8), tokens.get("admin")).body()).path("data").path("__schema");
        listen();
        try (DatabaseFingerprint database = new DatabaseFingerprint()) {
            new GraphQLCases(schema).each(c -> roles(c.deep(), tokens).forEach((role, token) -> graphql(c, role, token, database)));
        }
        finish();
    }

    /** Every role for the plain cases; the admin and the next of {@link #DEEP} for the hostile ones. */
    private Map<String, String> roles(boolean deep, Map<String, String> tokens) {
        if (!deep) {
            return tokens;
        }
        String other = DEEP.get(turn++ % DEEP.size());
        Map<String, String> two = new LinkedHashMap<>();
        two.put("admin", tokens.get("admin"));
        two.put(other, tokens.get(other));
        return two;
    }

    private void rest(RestCases.Case c, String role, String token, DatabaseFingerprint database) {
        String example = c.method() + " " + RestCases.shorten(c.target()) + " [" + c.variant() + "] as " + role;
        try {
            Map<String, String> before = c.writes() ? database.take() : null;
            Answer answer = send(c.method(), c.target(), c.contentType(), c.body(), token);
            findings.checkRest(c.operation(), example, answer.status(), answer.contentType(), answer.body(), c.target());
            if (before != null && answer.status() >= 400) {
                List<String> changed = DatabaseFingerprint.changed(before, database.take());
                if (!changed.isEmpty()) {
                    findings.add(c.operation(), "refused write changed tables", example + " → " + answer.status() + " changed " + changed);
                }
            }
        } catch (HttpTimeoutException e) {
            findings.add(c.operation(), "no answer within " + PATIENCE.toSeconds() + " s", example);
        } catch (Exception e) {
            findings.add(c.operation(), "request failed", example + " → " + e);
        }
    }

    private void graphql(GraphQLCases.Case c, String role, String token, DatabaseFingerprint database) {
        String example = "[" + c.variant() + "] as " + role;
        String body = "{\"query\":" + JSON.getNodeFactory().textNode(c.query()) + ",\"variables\":" + c.variables() + "}";
        try {
            Map<String, String> before = c.mutation() ? database.take() : null;
            Answer answer = send("POST", "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8), token);
            findings.checkGraphQL(c.operation(), example, answer.status(), answer.body());
            if (before != null && answer.body().contains("\"errors\"")) {
                List<String> changed = DatabaseFingerprint.changed(before, database.take());
                if (!changed.isEmpty()) {
                    findings.add(c.operation(), "refused mutation changed tables", example + " changed " + changed);
                }
            }
        } catch (HttpTimeoutException e) {
            findings.add(c.operation(), "no answer within " + PATIENCE.toSeconds() + " s", example);
        } catch (Exception e) {
            findings.add(c.operation(), "request failed", example + " → " + e);
        }
    }

    /** ERRORs from here on: what setting up the run logs is not the fuzzer's concern. */
    private static void listen() {
        stopListening();
        errors = LogCapture.errors();
    }

    private void finish() {
        errors.messages().forEach(error -> findings.add("log", "ERROR logged", error));
        System.out.println("[fuzz] " + findings.checked() + " answers checked");
        assertTrue(findings.isEmpty(), findings.report());
    }

    record Answer(int status, String contentType, String body) {
    }

    private Answer send(String method, String target, String contentType, byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + target))
                .timeout(PATIENCE)
                .header("Accept", target.startsWith("/graphql") ? "application/graphql-response+json" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream in = response.body()) {
            // A live stream that opened is an answer; its events are other tests' business.
            String text = type != null && type.startsWith("text/event-stream") ? ""
                    : new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), type, text);
        }
    }

    /** A token of every role, null for no token at all. */
    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("citizen", TestTokens.citizen(UUID.randomUUID().toString()));
        tokens.put("officer", TestTokens.staff(Roles.OFFICER, "DPMPTSP-BDG", "MPP-BDG"));
        tokens.put("counter_staff", TestTokens.staff(Roles.COUNTER_STAFF, "DISDUKCAPIL-BDG", "MPP-BDG"));
        tokens.put("supervisor", TestTokens.staff(Roles.SUPERVISOR, "DPMPTSP-BDG", "MPP-BDG"));
        tokens.put("admin", TestTokens.admin());
        tokens.put("integrator", client(Roles.INTEGRATOR, null, null, Set.of(Scopes.APPLICATIONS_READ, Scopes.APPLICATIONS_WRITE,
                Scopes.PERMITS_READ, Scopes.QUEUE_ISSUE, Scopes.QUEUE_READ, Scopes.COMPLAINTS_WRITE, Scopes.COMPLAINTS_READ,
                Scopes.WEBHOOKS_MANAGE)));
        tokens.put("kiosk", client(Roles.KIOSK, null, "MPP-BDG", Set.of(Scopes.QUEUE_ISSUE, Scopes.QUEUE_READ)));
        tokens.put("drive_thru", client(Roles.DRIVE_THRU, "SAMSAT-BDG", "MPP-BDG", Set.of(Scopes.QUEUE_ISSUE, Scopes.QUEUE_READ)));
        tokens.put("display_board", client(Roles.DISPLAY_BOARD, null, "MPP-BDG", Set.of(Scopes.QUEUE_READ)));
        tokens.put("counter_tablet", client(Roles.COUNTER_TABLET, null, "MPP-BDG", Set.of(Scopes.QUEUE_READ)));
        return tokens;
    }

    private static String client(String kind, String agency, String site, Set<String> scopes) {
        String id = UUID.randomUUID().toString();
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, kind + "-fuzz", Set.of(kind), agency, site, scopes, true));
    }
}
