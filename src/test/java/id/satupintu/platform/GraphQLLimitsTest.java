package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The bounds on what one GraphQL request may ask for (application.properties, GraphQLLimits): depth 10,
 * 500 fields, cost 10,000 (a field 1 plus what it selects, a page's items once per item), variables 16 deep and
 * 25,000 values, 5000 parser tokens. Each is tested alone, just over and at its limit, so a change of
 * configuration or of the instrumentation shows here; every refusal is a 400 with a stable code, before
 * anything runs.
 */
@QuarkusTest
class GraphQLLimitsTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    private static ValidatableResponse query(String query) {
        return given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql").then();
    }

    /** Introspection nests as deep as one likes: a query of the given depth (counting __schema as 1). */
    private static String ofDepth(int depth) {
        StringBuilder q = new StringBuilder("{ __schema { types { fields { type");
        int open = 4;
        for (int level = 4; level < depth - 1; level++) {
            q.append(" { ofType");
            open++;
        }
        q.append(" { name }");
        for (int i = 0; i < open; i++) {
            q.append(" }");
        }
        return q.toString();
    }

    @Test
    void tooDeepIsRefusedBeforeItRuns() {
        query(ofDepth(10)).statusCode(200).body("data.__schema", notNullValue());
        query(ofDepth(11)).statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("graphql-too-deep"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].message", equalTo("Kueri bersarang 11 tingkat; paling banyak 10 yang diizinkan."));
    }

    /** n aliased `holidays(year) { known year }`: 3 fields each. */
    private static String ofComplexity(int aliases) {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            q.append(" a").append(i).append(": holidays(year: 2026) { known year }");
        }
        return q.append(" }").toString();
    }

    @Test
    void tooComplexIsRefusedBeforeItRuns() {
        query(ofComplexity(166)).statusCode(200).body("data.a165.year", equalTo(2026)); // 498
        query(ofComplexity(167)).statusCode(400).body("data", nullValue()) // 501, well under the token limit
                .body("errors[0].extensions.code", equalTo("graphql-too-complex"))
                .body("errors[0].message", equalTo("Kueri memuat 501 isian; paling banyak 500 yang diizinkan."));
    }

    /** n aliased {@code services(first: 200) { items { code } }} (each 1 + 200 x 2 = 401), then the rest. */
    private static String ofPages(int aliases, String rest) {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            q.append(" a").append(i).append(": services(first: 200) { items { code } }");
        }
        return q.append(' ').append(rest).append(" }").toString();
    }

    /** 100 aliases of a 200-item page: 300 fields, but 20,000 rows; it used to run (for seconds). */
    @Test
    void pagesCountOncePerItemTheyMayHold() {
        query(ofPages(100, "")).statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("graphql-too-costly"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].message", startsWith("Biaya kueri 40.100, melebihi batas 10.000"));
        // At the limit: 24 x 401 + (1 + 187 x 2) + 1 = 10,000.
        query(ofPages(24, "last: services(first: 187) { items { code } } __typename")).statusCode(200)
                .body("errors", nullValue()).body("data.last.items.size()", greaterThan(0));
        query(ofPages(24, "last: services(first: 188) { items { code } }")).statusCode(400)
                .body("errors[0].extensions.code", equalTo("graphql-too-costly"))
                .body("errors[0].message", startsWith("Biaya kueri 10.001,"));
    }

    /** Without first a page counts as the largest default (50): 100 x (1 + 50 x 2) = 10,100. */
    @Test
    void aPageWithoutFirstCountsItsDefault() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            q.append(" a").append(i).append(": sites { items { code } }");
        }
        query(q.append(" }").toString()).statusCode(400).body("errors[0].extensions.code", equalTo("graphql-too-costly"))
                .body("errors[0].message", startsWith("Biaya kueri 10.100,"));
    }

    /** n aliased __typename (aliases, so that graphql-java does not merge them): 2 + 3n parser tokens. */
    private static String ofTokens(int aliases) {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            q.append(" a").append(i).append(": __typename");
        }
        return q.append(" }").toString();
    }

    /** 5000 tokens, not graphql-java's own 15,000 (GraphQLParserLimits). */
    @Test
    void tooManyTokensIsRefusedBeforeItRuns() {
        // 4982 tokens: the parser takes it (whatever comes after, it is not a parse error).
        String under = query(ofTokens(1660)).extract().asString();
        assertFalse(under.contains("graphql-syntax-error"), under);
        // 5012 tokens: refused by the parser.
        query(ofTokens(1670)).statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("graphql-syntax-error"));
    }

    /** A value nested n objects deep. */
    private static Object nested(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = Map.of("a", value);
        }
        return value;
    }

    private static final String CALENDAR_FROM = "query($f: Date) { calendar(siteCode: \"MPP-BDG\", from: $f) { siteCode } }";

    private static ValidatableResponse withVariables(Object variables) {
        return given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", CALENDAR_FROM, "variables", variables)).post("/graphql").then();
    }

    @Test
    void variablesNestedTooDeepAreRefused() {
        // 16 deep is within the bound: the variable is then simply not a date.
        withVariables(Map.of("f", nested(16))).statusCode(400)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("f"));
        withVariables(Map.of("f", nested(17))).statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("graphql-variables-too-large"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].message", equalTo("Variabel paling dalam bersarang 16 tingkat dan paling banyak berisi "
                        + "25.000 nilai."));
    }

    /** Over the JSON parser's own 1000 levels: a 500 without problem details, before. */
    @Test
    void variablesNestedOverAThousandDeepAreAClientError() {
        String deep = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
        given().contentType("application/json").accept("application/graphql-response+json")
                .body("{\"query\":\"" + CALENDAR_FROM.replace("\"", "\\\"") + "\",\"variables\":{\"f\":" + deep + "}}")
                .post("/graphql").then().statusCode(400).contentType(startsWith("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("graphql-variables-too-large"));
    }

    @Test
    void tooManyVariableValuesAreRefused() {
        // The list itself and its 25,000 strings: one value over.
        withVariables(Map.of("f", java.util.Collections.nCopies(25_000, "x"))).statusCode(400)
                .body("errors[0].extensions.code", equalTo("graphql-variables-too-large"));
        withVariables(Map.of("f", java.util.Collections.nCopies(24_999, "x"))).statusCode(400)
                .body("errors[0].extensions.code", equalTo("validation-failed"));
    }

    /** The WebSocket shares the execution, so the same bounds; a message the parser refuses closes it. */
    @Test
    void theWebSocketHasTheSameBounds() throws Exception {
        LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.open(graphql, messages);
        GraphQLSubscriptions.init(socket, new JsonObject().put("Authorization", "Bearer " + TestTokens.admin()));
        assertEquals("connection_ack", GraphQLSubscriptions.next(messages).getString("type"));
        socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe").put("payload", new JsonObject()
                .put("query", CALENDAR_FROM).put("variables", new JsonObject().put("f", nested(17)))).encode(), true).get();
        JsonObject refused = GraphQLSubscriptions.next(messages);
        assertEquals("error", refused.getString("type"), refused.encode());
        assertEquals("graphql-variables-too-large",
                refused.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"));
        socket.sendText(new JsonObject().put("id", "2").put("type", "subscribe").put("payload", new JsonObject()
                .put("query", ofPages(30, ""))).encode(), true).get();
        JsonObject costly = GraphQLSubscriptions.next(messages);
        assertEquals("graphql-too-costly",
                costly.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"), costly.encode());
        String deep = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
        socket.sendText("{\"id\":\"3\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\","
                + "\"variables\":{\"f\":" + deep + "}}}", true).get();
        JsonObject closed = GraphQLSubscriptions.next(messages);
        assertEquals(GraphQLSubscriptions.CLOSED, closed.getString("type"), closed.encode());
        assertEquals(4400, closed.getInteger("code"));
    }
}
