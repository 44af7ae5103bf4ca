package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What GraphQL clients read when they get something wrong, on both channels: the API's stable problem
 * codes with a status in every error's extensions (never an exception's class as code, never "System
 * error"), messages that name no Java class, a wrong value named like a REST body field, and no ERROR
 * in the log for any of it (a server fault stays an ERROR, and a 500 that says nothing).
 */
@QuarkusTest
class GraphQLErrorsTest {

    /** A package-qualified name, an exception's name, or SmallRye's own words. */
    private static final Pattern JAVA = Pattern.compile(
            "\\b(id\\.satupintu|java|javax|jakarta|io\\.smallrye|io\\.quarkus|io\\.vertx|graphql\\.\\w+)\\.[a-zA-Z]"
                    + "|Exception|SRGQL|System error|Unknown Scalar");

    @TestHTTPResource("/graphql")
    URL graphql;

    private static ValidatableResponse post(RequestSpecification request, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return request.contentType("application/json").accept("application/graphql-response+json").body(body)
                .post("/graphql").then();
    }

    private static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        return post(token == null ? given() : given().auth().oauth2(token), query, variables);
    }

    private static ValidatableResponse post(String query) {
        return post((String) null, query, null);
    }

    private static final String CREATE_COUNTER =
            "mutation($i: CounterInput!) { createCounter(site: \"MPP-BDG\", input: $i) { id } }";
    private static final String CALENDAR_FROM =
            "query($f: Date) { calendar(siteCode: \"MPP-BDG\", from: $f) { siteCode } }";
    private static final String CREATE_AGENCY = "mutation { createAgency(input: {code: \"GQE-1\", kind: REGIONAL, "
            + "name: \"n\", shortName: \"s\", siteCodes: [\"MPP-BDG\"]}) { code } }";

    /** Malformed operations of every kind: {token, query, variables}. */
    private static List<Object[]> malformed() {
        String admin = TestTokens.admin();
        String citizen = TestTokens.citizen(UUID.randomUUID().toString());
        StringBuilder deep = new StringBuilder("{ __schema { types { fields { type");
        for (int i = 0; i < 8; i++) {
            deep.append(" { ofType");
        }
        deep.append(" { name }").append(" }".repeat(12));
        StringBuilder costly = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            costly.append(" a").append(i).append(": services(first: 200) { items { code } }");
        }
        return List.of(
                new Object[] {admin, CREATE_COUNTER, Map.of("i", Map.of("number", "x", "name", "n", "lanes", List.of("A")))},
                new Object[] {admin, CREATE_COUNTER, Map.of("i", Map.of("number", 1))},
                new Object[] {admin, "mutation { setBookingHours(site: \"MPP-BDG\", service: \"DKB-KTP-EL\", input: {days: "
                        + "[{day: \"FUNDAY\", opens: \"25:99\", closes: \"x\", slotMinutes: 5, capacity: 1}]}) { siteCode } }", null},
                new Object[] {admin, "mutation { createSite(input: {code: \"GQE-1\", kind: \"MPP\", name: \"n\", address: \"a\", "
                        + "city: \"c\", provinceCode: \"32\", timeZone: \"Asia/Jakarta\", openingHours: [{day: \"MONDAY\", "
                        + "opens: \"8am\", closes: \"16:00\"}]}) { code } }", null},
                new Object[] {citizen, "mutation($i: BookingRequestInput!) { bookSlot(site: \"MPP-BDG\", input: $i) { id } }",
                        Map.of("i", Map.of("serviceCode", "DKB-KTP-EL", "startsAt", "tomorrow"))},
                new Object[] {null, "{ calendar(siteCode: \"MPP-BDG\", from: \"2026-13-45\") { siteCode } }", null},
                new Object[] {null, "{ calendar(siteCode: \"MPP-BDG\", at: 5) { siteCode } }", null},
                new Object[] {null, CALENDAR_FROM, Map.of("f", 123)},
                new Object[] {null, CALENDAR_FROM, Map.of("f", Map.of("a", 1))},
                new Object[] {null, "{ holidays(year: \"abc\") { known } }", null},
                new Object[] {null, "query($n: Int!) { holidays(year: $n) { known } }", Map.of()},
                new Object[] {null, "{ holidays { known } }", null},
                new Object[] {admin, "{ complaints(kind: NOTAKIND) { nextCursor } }", null},
                new Object[] {admin, "query($k: ComplaintKind) { complaints(kind: $k) { nextCursor } }", Map.of("k", "NOPE")},
                new Object[] {null, "{ services(type: \"PERIZINAN\") { nextCursor } }", null},
                new Object[] {admin, "mutation($s: ServiceStandardInput!) { updateServiceStandard(code: \"DKB-KTP-EL\", "
                        + "standard: $s) { code } }", Map.of("s", Map.of("tariff", "abc"))},
                new Object[] {null, "mutation { fileComplaint(input: {categoryCode: \"x\", description: \"d\", "
                        + "latitude: \"abc\"}) { secret } }", null},
                new Object[] {admin, CREATE_AGENCY.replace("REGIONAL", "DINAS"), null},
                new Object[] {citizen, "{ queueTicket(id: \"not-a-ticket\") { id } }", null},
                new Object[] {null, "{ nonexistent }", null},
                new Object[] {null, "{ holidays(year: 2026) { nope } }", null},
                new Object[] {null, "{ ...F } fragment F on Query { ...F }", null},
                new Object[] {null, "query($x: Unknown) { __typename }", null},
                new Object[] {null, "query A { __typename } query B { __typename }", null},
                new Object[] {null, "{ __typename", null},
                new Object[] {null, deep.toString(), null},
                new Object[] {null, costly.append(" }").toString(), null});
    }

    /** Every error of every malformed operation: a stable code and status, and no Java in what it says. */
    private static List<String> wrong(JsonArray errors, String operation) {
        List<String> wrong = new ArrayList<>();
        if (errors == null || errors.isEmpty()) {
            wrong.add("no error for " + operation);
            return wrong;
        }
        for (int i = 0; i < errors.size(); i++) {
            JsonObject error = errors.getJsonObject(i);
            JsonObject extensions = error.getJsonObject("extensions", new JsonObject());
            Object code = extensions.getValue("code");
            Object status = extensions.getValue("status");
            if (!(code instanceof String text) || text.isBlank() || !(status instanceof Integer number)
                    || number < 400 || number > 599) {
                wrong.add("no code and status in " + error.encode() + " for " + operation);
            }
            if (JAVA.matcher(error.getString("message", "") + " " + extensions.encode()).find()) {
                wrong.add("Java in " + error.encode() + " for " + operation);
            }
        }
        return wrong;
    }

    @Test
    void noErrorNamesAJavaClassAndEveryOneHasACodeAndStatus() {
        List<String> wrong = new ArrayList<>();
        for (Object[] operation : malformed()) {
            @SuppressWarnings("unchecked")
            String body = post((String) operation[0], (String) operation[1], (Map<String, Object>) operation[2])
                    .extract().asString();
            wrong.addAll(wrong(new JsonObject(body).getJsonArray("errors"), (String) operation[1]));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theWebSocketAnswersAlike() throws Exception {
        LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.open(graphql, messages);
        GraphQLSubscriptions.init(socket, new JsonObject().put("Authorization", "Bearer " + TestTokens.admin()));
        assertEquals("connection_ack", GraphQLSubscriptions.next(messages).getString("type"));
        List<String> wrong = new ArrayList<>();
        int id = 0;
        for (Object[] operation : malformed()) {
            String opId = "op" + id++;
            JsonObject payload = new JsonObject().put("query", operation[1]);
            if (operation[2] != null) {
                payload.put("variables", new JsonObject((Map<String, Object>) operation[2]));
            }
            socket.sendText(new JsonObject().put("id", opId).put("type", "subscribe").put("payload", payload).encode(),
                    true).get();
            JsonObject answer;
            do {
                answer = GraphQLSubscriptions.next(messages);
            } while (!opId.equals(answer.getString("id")) || "complete".equals(answer.getString("type")));
            JsonArray errors = "error".equals(answer.getString("type")) ? answer.getJsonArray("payload")
                    : answer.getJsonObject("payload").getJsonArray("errors");
            wrong.addAll(wrong(errors, (String) operation[1]));
        }
        socket.abort();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aValueOfTheWrongTypeIsValidationFailedNamingTheArgument() {
        post("{ holidays(year: \"abc\") { known } }").statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].message", equalTo("Periksa kembali isian yang ditandai."))
                .body("errors[0].extensions.errors.field", contains("year"))
                .body("errors[0].extensions.errors.code", contains("wrong-type"));
        post(given().header("Accept-Language", "en"), "{ calendar(siteCode: \"MPP-BDG\", from: \"2026-13-45\") { siteCode } }",
                null).statusCode(400)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].message", equalTo("Check the fields listed in errors."))
                .body("errors[0].extensions.errors[0].field", equalTo("from"))
                .body("errors[0].extensions.errors[0].message", equalTo("has the wrong type"));
        // A malformed date-time in a variable is named after the argument it feeds.
        post((String) null, "query($a: DateTime) { calendar(siteCode: \"MPP-BDG\", at: $a) { siteCode } }",
                Map.of("a", "yesterday")).statusCode(400)
                .body("errors[0].extensions.errors[0].field", equalTo("at"));
        // A variable graphql-java cannot coerce is named itself.
        post((String) null, CALENDAR_FROM, Map.of("f", 123)).statusCode(400)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("f"))
                .body("errors[0].extensions.errors[0].code", equalTo("wrong-type"));
        // An input object JSON-B cannot build.
        post(TestTokens.admin(), CREATE_COUNTER, Map.of("i", Map.of("number", "x", "name", "n", "lanes", List.of("A"))))
                .statusCode(400).body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("input"));
        // Missing values are required fields.
        post("{ holidays { known } }").statusCode(400)
                .body("errors[0].extensions.errors[0].field", equalTo("year"))
                .body("errors[0].extensions.errors[0].code", equalTo("required"));
        post(TestTokens.admin(), "mutation { createAgency(input: {code: \"GQE-2\"}) { code } }", null).statusCode(400)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItems("input.kind", "input.name", "input.siteCodes"))
                .body("errors[0].extensions.errors.code", not(hasItems("wrong-type")));
        post((String) null, "query($n: Int!) { holidays(year: $n) { known } }", Map.of()).statusCode(400)
                .body("errors[0].extensions.errors[0].field", equalTo("n"))
                .body("errors[0].extensions.errors[0].code", equalTo("required"));
    }

    @Test
    void documentErrorsHaveCodesOfTheirOwn() {
        post("{ holidays(year: 2026) { nope } }").statusCode(400)
                .body("errors[0].extensions.code", equalTo("graphql-invalid-query"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].message", equalTo("Operasi tidak valid: Validation error (FieldUndefined@[holidays/nope]) : "
                        + "Field 'nope' in type 'HolidayYear' is undefined"));
        post("{ __typename").statusCode(400).body("errors[0].extensions.code", equalTo("graphql-syntax-error"));
    }

    /** @RolesAllowed refusals came back as "System error" with the exception's class as code. */
    @Test
    void refusalsBeforeTheResolverAreTheApisProblems() {
        post(CREATE_AGENCY).statusCode(200).body("data.createAgency", nullValue())
                .body("errors[0].extensions.code", equalTo("unauthorized"))
                .body("errors[0].extensions.status", equalTo(401))
                .body("errors[0].message", equalTo("Token akses tidak ada, tidak sah, atau sudah kedaluwarsa."));
        post(TestTokens.citizen("gqe"), CREATE_AGENCY, null).statusCode(200)
                .body("errors[0].extensions.code", equalTo("forbidden"))
                .body("errors[0].extensions.status", equalTo(403))
                .body("errors[0].message", equalTo("Anda tidak berwenang melakukan tindakan ini."));
    }

    @Test
    void clientMistakesAreNotLoggedAsErrors() {
        List<LogRecord> errors = errorsLoggedDuring(() -> {
            for (Object[] operation : malformed()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> variables = (Map<String, Object>) operation[2];
                post((String) operation[0], (String) operation[1], variables);
            }
            post(TestTokens.citizen("gqe"), "{ queueTicket(id: \"00000000-0000-0000-0000-000000000000\") { id } }", null);
            // An invalid token is answered 401 at once; the resolvers' late answer must not fail loudly.
            post(given().auth().oauth2("not.a.token"), "{ me { id } }", null).statusCode(401);
        });
        assertTrue(errors.isEmpty(), () -> "logged at ERROR: " + describe(errors));
    }

    @Test
    void aServerFaultIsA500ThatSaysNothingAndIsLoggedAsAnError() {
        QuarkusMock.installMockForType(new CurrentUser() {
            @Override
            public Uni<Optional<Caller>> find() {
                return Uni.createFrom().failure(new IllegalStateException("boom in id.satupintu.Secret"));
            }
        }, CurrentUser.class);
        List<LogRecord> errors = errorsLoggedDuring(() ->
                post(TestTokens.citizen("gqe"), "{ myApplications { nextCursor } }", null).statusCode(200)
                        .body("data.myApplications", nullValue())
                        .body("errors[0].path", contains("myApplications"))
                        .body("errors[0].extensions.code", equalTo("internal-error"))
                        .body("errors[0].extensions.status", equalTo(500))
                        .body("errors[0].message", equalTo("Kesalahan sudah dicatat. Silakan coba lagi beberapa saat lagi."))
                        .body(not(org.hamcrest.Matchers.containsString("boom"))));
        assertTrue(errors.stream().anyMatch(r -> r.getThrown() != null
                && String.valueOf(r.getThrown().getMessage()).contains("boom")), () -> describe(errors));
    }

    private static List<LogRecord> errorsLoggedDuring(Runnable requests) {
        List<LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            requests.run();
        } finally {
            root.removeHandler(handler);
        }
        return errors;
    }

    private static String describe(List<LogRecord> records) {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            text.append('\n').append(record.getLoggerName()).append(": ").append(record.getMessage())
                    .append(record.getThrown() == null ? "" : " / " + record.getThrown());
        }
        return text.toString();
    }
}
