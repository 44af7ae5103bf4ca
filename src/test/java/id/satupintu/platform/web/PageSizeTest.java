package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One page-size rule on every list and both channels: REST {@code limit} and GraphQL {@code first} are
 * a whole number from 1 to the list's max, absent means the list's default, and anything else is the
 * same 400 validation-failed whose field error is {@code page-size}, naming the parameter and the range.
 */
@QuarkusTest
class PageSizeTest {

    private static final String CITIZEN = TestTokens.citizen(UUID.randomUUID().toString());
    private static final String ADMIN = TestTokens.admin();

    @Test
    void restLimitOutsideTheRangeOrNotANumberIsOneProblem() {
        for (String bad : new String[] {"0", "-1", "201", "abc", "1.5", "99999999999"}) {
            refusedOverRest(given(), "/api/v1/sites?limit=" + bad, 200);
        }
        for (String bad : new String[] {"0", "-1", "101", "x"}) {
            refusedOverRest(as(CITIZEN), "/api/v1/me/applications?limit=" + bad, 100);
        }
        refusedOverRest(as(ADMIN), "/api/v1/api-client-calls?limit=501", 500);
        given().get("/api/v1/sites?limit=200").then().statusCode(200);
        given().get("/api/v1/sites?limit=").then().statusCode(200);
        as(CITIZEN).get("/api/v1/me/applications?limit=100").then().statusCode(200);
        as(ADMIN).get("/api/v1/api-client-calls?limit=500").then().statusCode(200);
    }

    @Test
    void graphqlFirstOutsideTheRangeIsTheSameProblem() {
        for (int bad : new int[] {0, -1, 201}) {
            refusedOverGraphQL(given(), "{ sites(first: " + bad + ") { nextCursor } }", 200);
        }
        for (int bad : new int[] {0, -1, 101}) {
            refusedOverGraphQL(as(CITIZEN), "{ myApplications(first: " + bad + ") { nextCursor } }", 100);
        }
        refusedOverGraphQL(as(ADMIN), "{ apiClientCalls(first: 501) { nextCursor } }", 500);
        graphql(as(ADMIN), "{ apiClientCalls(first: 500) { nextCursor } }", Map.of()).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void graphqlFirstNullOrAbsentIsTheDefault() {
        graphql(given(), "{ sites(first: null) { items { code } } }", Map.of()).statusCode(200)
                .body("errors", nullValue()).body("data.sites.items.size()", lessThanOrEqualTo(50));
        graphql(given(), "query($n: Int) { sites(first: $n) { items { code } } }", Map.of()).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void aNonNumberFirstIsRefusedByTheSchemaBeforeAnyResolver() {
        // GraphQL types first as Int: "abc" or 2^31 never reaches the resolver; the request is a 400 with no data.
        graphql(given(), "{ sites(first: \"abc\") { nextCursor } }", Map.of()).statusCode(400)
                .body("data", nullValue()).body("errors", hasSize(1));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static void refusedOverRest(RequestSpecification request, String path, int max) {
        request.header("Accept-Language", "en").get(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/validation-failed")).body("code", equalTo("validation-failed"))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("page-size"))
                .body("errors[0].message", equalTo("a page holds 1 to " + max + " items"));
    }

    private static void refusedOverGraphQL(RequestSpecification request, String query, int max) {
        graphql(request.header("Accept-Language", "en"), query, Map.of()).statusCode(200)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.status", equalTo(400))
                .body("errors[0].extensions.errors", hasSize(1))
                .body("errors[0].extensions.errors[0].field", equalTo("first"))
                .body("errors[0].extensions.errors[0].code", equalTo("page-size"))
                .body("errors[0].extensions.errors[0].message", equalTo("a page holds 1 to " + max + " items"));
    }

    private static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then();
    }
}
