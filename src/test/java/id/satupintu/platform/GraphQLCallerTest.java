package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every resolver learns who calls through GraphQLCalls.asCaller/asRole/asAnyone. An invalid token is
 * refused before any resolver runs, with the same 401 problem REST answers; an anonymous caller of a
 * resolver that needs one gets the API's "unauthorized" code, whichever of the three the resolver uses.
 */
@QuarkusTest
class GraphQLCallerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{ queueTicket(id: \"00000000-0000-0000-0000-000000000000\") { number } }",
            "{ apiClients { items { clientId } } }",
            "{ complaint(trackingCode: \"ADU-XXXXX-XXXXX\") { state } }",
            "{ myApplications { items { trackingNumber } } }"})
    void anInvalidTokenIsUnauthorizedOnEveryResolver(String query) {
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .accept("application/graphql-response+json").body(Map.of("query", query))
                .post("/graphql").then().log().ifValidationFails()
                .statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized"))
                .body(not(containsString("System error")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ queueTicket(id: \"00000000-0000-0000-0000-000000000000\") { number } }",
            "{ apiClients { items { clientId } } }",
            "{ myApplications { items { trackingNumber } } }"})
    void anAnonymousCallerIsUnauthorizedWhereACallerIsNeeded(String query) {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql").then()
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }
}
