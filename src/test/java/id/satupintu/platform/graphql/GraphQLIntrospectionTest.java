package id.satupintu.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In dev and tests GraphiQL and introspection stay on ({@link GraphQLIntrospectionProdTest}: off in prod). */
@QuarkusTest
class GraphQLIntrospectionTest {

    @Test
    void introspectionAndGraphiQLAreOnOutsideProd() {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", "{ __schema { queryType { name } } }")).post("/graphql").then().statusCode(200)
                .body("data.__schema.queryType.name", equalTo("Query"));
        given().get("/q/graphql-ui/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/graphql/schema.graphql").then().statusCode(200).body(notNullValue());
    }
}
