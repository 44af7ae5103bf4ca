package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * /graphql against the GraphQL-over-HTTP specification, one test per rule, using the calendar
 * queries (their data is the 2026 holidays the migration ships).
 */
@QuarkusTest
class GraphQLOverHttpTest {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String HOLIDAYS = "{\"query\":\"{ holidays(year: 2026) { known } }\"}";

    @TestHTTPResource("/graphql")
    URI graphql;

    static RequestSpecification post(String accept) {
        return given().accept(accept).contentType("application/json");
    }

    @Test
    void answersGraphqlResponseJsonWhenAccepted() {
        post(GRAPHQL_RESPONSE + ", application/json;q=0.9").body(HOLIDAYS).when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE))
                .header("Content-Type", "application/graphql-response+json; charset=utf-8")
                .body("data.holidays.known", equalTo(true));
    }

    @Test
    void answersApplicationJsonWhenOnlyThatIsAccepted() {
        post("application/json").body(HOLIDAYS).when().post("/graphql")
                .then().statusCode(200).header("Content-Type", "application/json; charset=utf-8")
                .body("data.holidays.known", equalTo(true));
        post("application/json, " + GRAPHQL_RESPONSE + ";q=0.5").body(HOLIDAYS).when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    /** GraphQL over HTTP: a client that did not ask for the newer type SHOULD get application/json. */
    @Test
    void wildcardOrNoAcceptGetsApplicationJson() throws Exception {
        post("*/*").body(HOLIDAYS).when().post("/graphql").then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8");
        post("application/*").body(HOLIDAYS).when().post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json"));
        // java.net.http sends no Accept header unless told to.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(HOLIDAYS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        // The newer type still wins where it is named next to a wildcard.
        post("*/*;q=0.5, " + GRAPHQL_RESPONSE).body(HOLIDAYS).when().post("/graphql").then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE));
    }

    @Test
    void neitherTypeAcceptedIs406() {
        post("text/html").body(HOLIDAYS).when().post("/graphql")
                .then().statusCode(406).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("graphql-not-acceptable"));
        post("application/json; charset=iso-8859-1").body(HOLIDAYS).when().post("/graphql").then().statusCode(406);
        post(GRAPHQL_RESPONSE + ";q=0").body(HOLIDAYS).when().post("/graphql").then().statusCode(406);
    }

    @Test
    void postWithoutContentTypeIs415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql)
                .header("Accept", GRAPHQL_RESPONSE).POST(HttpRequest.BodyPublishers.ofString(HOLIDAYS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode());
        assertTrue(response.body().contains("graphql-content-type-missing"), response.body());
        given().accept(GRAPHQL_RESPONSE).contentType("text/plain").body(HOLIDAYS).when().post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", equalTo("unsupported-media-type"));
    }

    @Test
    void malformedJsonIs400() {
        for (String accept : List.of(GRAPHQL_RESPONSE, "application/json")) {
            post(accept).body("{\"query\":").when().post("/graphql")
                    .then().statusCode(400).contentType(startsWith(accept))
                    .body("errors[0].extensions.code", equalTo("malformed-json")).body("$", not(hasKey("data")));
        }
        post(GRAPHQL_RESPONSE).body("NONSENSE").when().post("/graphql").then().statusCode(400);
    }

    @Test
    void aBodyWithoutAStringQueryIs400() {
        post(GRAPHQL_RESPONSE).body("{\"qeury\":\"{ __typename }\"}").when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("graphql-missing-query"));
        post(GRAPHQL_RESPONSE).header("Accept-Language", "en").body("{\"query\":42}").when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("graphql-invalid-parameter"))
                .body("errors[0].message", startsWith("Parameter query has the wrong type"));
        post(GRAPHQL_RESPONSE).body("{\"query\":\"{ __typename }\",\"variables\":[7]}").when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("graphql-invalid-parameter"));
        post(GRAPHQL_RESPONSE).body("[]").when().post("/graphql").then().statusCode(400);
        post(GRAPHQL_RESPONSE).body("").when().post("/graphql").then().statusCode(400);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"query\":\"{ holidays(year: 2026) { known } }\",\"extensions\":{\"x\":\""
                + "a".repeat(13 * 1024 * 1024) + "\"}}";
        post(GRAPHQL_RESPONSE).body(huge).when().post("/graphql").then().statusCode(413);
    }

    @Test
    void parseErrorIs400WithGraphqlResponseJsonAnd200WithLegacyJson() {
        post(GRAPHQL_RESPONSE).body("{\"query\":\"{\"}").when().post("/graphql")
                .then().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].message", notNullValue()).body("$", not(hasKey("data")));
        post("application/json").body("{\"query\":\"{\"}").when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void validationErrorIs400WithGraphqlResponseJson() {
        String unknownField = "{\"query\":\"{ holidays(year: 2026) { colour } }\"}";
        post(GRAPHQL_RESPONSE).body(unknownField).when().post("/graphql")
                .then().statusCode(400).body("errors[0].message", notNullValue()).body("$", not(hasKey("data")));
        post("application/json").body(unknownField).when().post("/graphql").then().statusCode(200);
    }

    @Test
    void variableCoercionAndOperationErrorsAre400WithGraphqlResponseJson() {
        post(GRAPHQL_RESPONSE).body("""
                {"query":"query($y: Int!) { holidays(year: $y) { known } }","variables":{"y":"dua ribu"}}""").when().post("/graphql").then().statusCode(400).body("$", not(hasKey("data")));
        post(GRAPHQL_RESPONSE).body("""
                {"query":"query A { holidays(year: 2026) { known } } query B { holidays(year: 2027) { known } }"}""")
                .when().post("/graphql").then().statusCode(400);
    }

    @Test
    void mutationOverGetIs405WithAllowPost() {
        given().accept(GRAPHQL_RESPONSE).queryParam("query", "mutation { addHoliday(name: \"x\") }")
                .when().get("/graphql")
                .then().statusCode(405).header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("graphql-mutation-over-get"));
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("query", "query Q { holidays(year: 2026) { known } } mutation M { addHoliday }")
                .queryParam("operationName", "M")
                .when().get("/graphql").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void aSubscriptionOverHttpIs400TellingTheClientToUseTheWebSocket() {
        String subscription = "{\"query\":\"subscription { boardEvents(site: \\\"MPP-JKT\\\") { id type } }\"}";
        post(GRAPHQL_RESPONSE).body(subscription).when().post("/graphql")
                .then().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE)).body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("subscription-needs-websocket"))
                .body("errors[0].message", containsString("graphql-transport-ws"));
        // Also with legacy application/json, where a request that runs is always a 200: this one cannot run.
        post("application/json").header("Accept-Language", "en").body(subscription).when().post("/graphql")
                .then().statusCode(400).header("Content-Language", "en")
                .body("errors[0].extensions.code", equalTo("subscription-needs-websocket"))
                .body("errors[0].message", containsString("/graphql"));
        // Chosen by operationName from a document that also holds a query, and over GET.
        post(GRAPHQL_RESPONSE).body("""
                {"query":"query Q { holidays(year: 2026) { known } } subscription S { boardEvents(site: \\"X\\") { id } }",
                 "operationName":"S"}""").when().post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("subscription-needs-websocket"));
        post(GRAPHQL_RESPONSE).body("""
                {"query":"query Q { holidays(year: 2026) { known } } subscription S { boardEvents(site: \\"X\\") { id } }",
                 "operationName":"Q"}""").when().post("/graphql").then().statusCode(200)
                .body("data.holidays.known", equalTo(true));
        given().accept(GRAPHQL_RESPONSE).queryParam("query", "subscription { boardEvents(site: \"X\") { id } }")
                .when().get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("subscription-needs-websocket"));
        // The word alone, in a comment, is no subscription.
        post(GRAPHQL_RESPONSE).body("{\"query\":\"{ holidays(year: 2026) { known } } # subscription\"}")
                .when().post("/graphql").then().statusCode(200);
    }

    @Test
    void getQueriesWorkWithVariablesAndOperationName() {
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("query", "query Q($y: Int!) { holidays(year: $y) { known year } } "
                        + "query R { holidays(year: 2027) { known } }")
                .queryParam("operationName", "Q")
                .queryParam("variables", "{\"y\": 2026}")
                .when().get("/graphql")
                .then().statusCode(200).body("data.holidays.year", equalTo(2026));
        given().accept(GRAPHQL_RESPONSE).queryParam("query", "{ holidays(year: 2026) { known } }")
                .queryParam("variables", "[1]").when().get("/graphql").then().statusCode(400);
        given().accept(GRAPHQL_RESPONSE).when().get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("graphql-missing-query"));
    }

    @Test
    void postVariablesAndOperationNameAreHonoured() {
        post(GRAPHQL_RESPONSE).body("""
                {"query":"query A { holidays(year: 2026) { year } } query B($y: Int!) { holidays(year: $y) { year known } }",
                 "operationName":"B","variables":{"y":2027}}""").when().post("/graphql")
                .then().statusCode(200).body("data.holidays.year", equalTo(2027))
                .body("data.holidays.known", equalTo(false));
    }

    /** One request may not ask for the whole catalog many times over (depth, complexity and tokens are bounded). */
    @Test
    void anOverlyLargeQueryIsRefusedBeforeItRuns() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" a").append(i).append(": holidays(year: 2026) { known year }");
        }
        query.append(" }");
        post(GRAPHQL_RESPONSE).body(java.util.Map.of("query", query.toString()))
                .when().post("/graphql")
                .then().log().ifValidationFails().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data", nullValue()).body("errors.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void anExecutionErrorWithDataIs200() {
        // One field fails (no such site), its sibling answers: a partial response, not a request error.
        post(GRAPHQL_RESPONSE).body("""
                {"query":"{ ok: holidays(year: 2026) { known } bad: addWorkingDays(siteCode: \\"NOPE-404\\", days: 1) { date } }"}""")
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.ok.known", equalTo(true)).body("data.bad", nullValue())
                .body("errors[0].path[0]", equalTo("bad")).body("errors[0].extensions.code", equalTo("site-not-found"));
    }

    @Test
    void otherMethodsAre405AndOptionsListsTheAllowedOnes() {
        given().accept(GRAPHQL_RESPONSE).contentType("application/json").body(HOLIDAYS).when().put("/graphql")
                .then().statusCode(405).header("Allow", "GET, POST, OPTIONS");
        given().when().options("/graphql").then().statusCode(204).header("Allow", "GET, POST, OPTIONS");
    }

    @Test
    void subscriptionsTransportOverWebSocketStillWorksOnTheSamePath() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> completed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    if (partial.toString().contains("\"complete\"")) {
                        completed.complete(null);
                    }
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
        // A connection needs a token in connection_init (SubscriptionAuth).
        String token = id.satupintu.support.TestTokens.citizen(java.util.UUID.randomUUID().toString());
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true)
                .get(5, TimeUnit.SECONDS);
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ holidays(year: 2026) { known } }\"}}",
                true).get(5, TimeUnit.SECONDS);
        completed.get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        assertTrue(received.get(0).contains("connection_ack"), received.toString());
        assertTrue(received.stream().anyMatch(m -> m.contains("\"next\"") && m.contains("\"known\":true")),
                received.toString());
    }
}
