package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bounds on what one GraphQL request may ask for (application.properties): depth 10, complexity
 * 500 (one per field), 5000 parser tokens. Each is tested alone, just over and at its limit, so a
 * change of configuration or of SmallRye's instrumentation shows here.
 */
@QuarkusTest
class GraphQLLimitsTest {

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
                .body("errors.message", hasItem(containsString("depth")));
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
                .body("errors.message", hasItem(containsString("complexity")));
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
        assertFalse(under.contains("Unparseable"), under);
        // 5012 tokens: refused by the parser.
        query(ofTokens(1670)).statusCode(400).body("data", nullValue())
                .body("errors.message", hasItem(containsString("Unparseable")));
    }
}
