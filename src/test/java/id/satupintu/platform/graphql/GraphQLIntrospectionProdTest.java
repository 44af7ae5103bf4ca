package id.satupintu.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The public port with the packaged service's (prod) GraphQL settings, read from application.properties
 * itself: introspection is refused with a clear GraphQL error over HTTP and the WebSocket, GraphiQL and
 * the SDL are not there, and ordinary queries work as before.
 */
@QuarkusTest
@TestProfile(GraphQLIntrospectionProdTest.ProdGraphQL.class)
class GraphQLIntrospectionProdTest {

    static final String DISABLED = "graphql-introspection-disabled";

    /** Every %prod setting of GraphQL in application.properties, applied to the test profile. */
    public static class ProdGraphQL implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return prodSettings();
        }
    }

    static Map<String, String> prodSettings() {
        Properties properties = new Properties();
        try (InputStream in = ProdGraphQL.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%prod.satupintu.graphql.") || key.startsWith("%prod.quarkus.smallrye-graphql."))
                .forEach(key -> prod.put(key.substring("%prod.".length()), properties.getProperty(key)));
        return prod;
    }

    @Test
    void theProdProfileTurnsIntrospectionAndGraphiQLOff() {
        Map<String, String> prod = prodSettings();
        assertEquals("false", prod.get("satupintu.graphql.introspection"), "prod settings: " + prod);
        assertEquals("false", prod.get("quarkus.smallrye-graphql.ui.enabled"), "prod settings: " + prod);
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    private static ValidatableResponse query(String query) {
        return given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql").then();
    }

    @Test
    void introspectionIsRefusedWithAClearError() {
        for (String introspection : new String[] {"{ __schema { types { name } } }",
                "{ __type(name: \"Query\") { fields { name } } }",
                "query Sneaky { queueLanes(site: \"MPP-BDG\") { prefix } __schema { queryType { name } } }"}) {
            query(introspection).statusCode(400)
                    .body("$", not(hasKey("data")))
                    .body("errors[0].extensions.code", equalTo(DISABLED))
                    .body("errors[0].extensions.status", equalTo(400))
                    .body("errors[0].message", equalTo("Introspeksi skema dimatikan pada layanan ini: baca skemanya "
                            + "pada instans pengembangan atau uji coba."));
        }
        // The legacy media type answers 200 to every well-formed request, with the same error.
        given().contentType("application/json").accept("application/json").header("Accept-Language", "en")
                .body(Map.of("query", "{ __schema { queryType { name } } }")).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo(DISABLED))
                .body("errors[0].message", equalTo("Introspection has been disabled on this service: read the schema "
                        + "on a development or staging instance."));
    }

    @Test
    void overTheWebSocketToo() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = GraphQLSubscriptions.subscribe(graphql, messages,
                TestTokens.citizen(UUID.randomUUID().toString()),
                "{ __schema { types { name } } }");
        try {
            JsonObject answer = GraphQLSubscriptions.next(messages);
            String text = answer.encode();
            assertEquals(true, text.contains(DISABLED), text);
            assertEquals(false, text.contains("\"types\""), text);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void ordinaryQueriesStillWork() {
        query("{ __typename queueLanes(site: \"MPP-BDG\") { prefix } }").statusCode(200)
                .body("data.__typename", equalTo("Query"))
                .body("data.queueLanes", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void graphiQLAndTheSchemaAreNotServed() {
        given().get("/q/graphql-ui").then().statusCode(404);
        given().get("/q/graphql-ui/").then().statusCode(404);
        given().get("/q/graphql-ui/index.html").then().statusCode(404);
        given().get("/graphql/schema.graphql").then().statusCode(404);
    }
}
