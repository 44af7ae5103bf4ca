package id.satupintu.identity;

import static id.satupintu.identity.ApiClientAdminTest.asAdmin;
import static id.satupintu.identity.ApiClientAdminTest.create;
import static id.satupintu.identity.ApiClientAdminTest.integrator;
import static id.satupintu.identity.ApiClientAdminTest.token;
import static id.satupintu.identity.IdentityFixtures.randomName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client rate limits (429 with Retry-After) and the audit log of clients' calls. */
@QuarkusTest
class ClientRateLimitTest {

    private static String clientWithLimit(String id, int limit) {
        Map<String, Object> body = integrator(id, "applications:read");
        body.put("rateLimit", limit);
        return token(id, create(body));
    }

    @Test
    void overTheLimitIs429WithRetryAfter() {
        String id = randomName("oss");
        String token = clientWithLimit(id, 3);
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", Integer.toString(remaining));
        }
        var refused = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("client-rate-limited"))
                .body("status", equalTo(429)).extract();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/me").then().statusCode(429)
                .body("title", equalTo("Rate limit reached"));
        // GraphQL and everything else share the same count.
        given().auth().oauth2(token).contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(429);
        // Other clients and people are not affected.
        given().auth().oauth2(clientWithLimit(randomName("oss"), 3)).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void racingCallsNeverExceedTheLimit() throws Exception {
        String token = clientWithLimit(randomName("oss"), 5);
        List<Integer> statuses = IdentityFixtures.race(12,
                () -> given().auth().oauth2(token).get("/api/v1/me").statusCode());
        assertEquals(5, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(7, Collections.frequency(statuses, 429), statuses.toString());
    }

    @Test
    void everyCallOfAClientIsAudited() throws Exception {
        String id = randomName("oss");
        String token = clientWithLimit(id, 3);
        given().auth().oauth2(token).get("/api/v1/me?nik=3273015708900001").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/applications/BDG-000000-XXXXXX-X").then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/applications").then()
                .statusCode(403);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(429);

        JsonPath calls = awaitCalls(id, 4);
        assertEquals(List.of(429, 403, 404, 200), calls.getList("items.status"));
        assertEquals(List.of("GET", "POST", "GET", "GET"), calls.getList("items.method"));
        // The path only: query strings may carry personal data and are never recorded.
        assertEquals("/api/v1/me", calls.getString("items[3].path"));
        asAdmin().get("/api/v1/api-client-calls?client=" + id).then()
                .body("items.clientId", everyItem(equalTo(id))).body("items.durationMs", everyItem(greaterThanOrEqualTo(0)))
                .body("items.calledAt", everyItem(notNullValue()));

        asAdmin().get("/api/v1/api-client-calls?client=" + id + "&status=404").then().statusCode(200)
                .body("items.path", equalTo(List.of("/api/v1/applications/BDG-000000-XXXXXX-X")));
        asAdmin().get("/api/v1/api-client-calls?client=" + id + "&method=post").then().statusCode(200)
                .body("items.size()", equalTo(1));
        asAdmin().get("/api/v1/api-client-calls?client=" + id + "&path=/api/v1/applications").then().statusCode(200)
                .body("items.size()", equalTo(2));
        asAdmin().get("/api/v1/api-client-calls?client=" + id + "&since=2999-01-01T00:00:00Z").then().statusCode(200)
                .body("items.size()", equalTo(0));
        String next = asAdmin().get("/api/v1/api-client-calls?client=" + id + "&limit=3").then().statusCode(200)
                .body("items.size()", equalTo(3)).extract().path("nextCursor");
        asAdmin().get("/api/v1/api-client-calls?client=" + id + "&limit=3&cursor=" + next).then().statusCode(200)
                .body("items.status", equalTo(List.of(200))).body("nextCursor", equalTo(null));

        asAdmin().get("/api/v1/api-client-calls?status=abc").then().statusCode(400).body("errors.field", hasItem("status"));
        asAdmin().get("/api/v1/api-client-calls?status=99").then().statusCode(400);
        asAdmin().get("/api/v1/api-client-calls?method=FETCH").then().statusCode(400);
        asAdmin().get("/api/v1/api-client-calls?since=kemarin").then().statusCode(400).body("errors.field", hasItem("since"));
        asAdmin().get("/api/v1/api-client-calls?limit=0").then().statusCode(400);
        asAdmin().get("/api/v1/api-client-calls?cursor=bm90LWEtbnVtYmVy").then().statusCode(400)
                .body("code", equalTo("invalid-cursor"));
        asAdmin().get("/api/v1/api-client-calls?client=no-such-client").then().statusCode(404);
    }

    @Test
    void entriesPastTheRetentionAreDropped() throws Exception {
        String id = randomName("oss");
        String token = clientWithLimit(id, 10);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        awaitCalls(id, 2);
        IdentityFixtures.pool().preparedQuery("update identity_api_client_call set called_at = now() - interval '181 days' "
                        + "where id = (select min(k.id) from identity_api_client_call k join identity_api_client c "
                        + "on c.id = k.client_id where c.client_id = $1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().atMost(java.time.Duration.ofSeconds(10));
        io.quarkus.arc.Arc.container().instance(ClientCallLog.class).get().prune().await()
                .atMost(java.time.Duration.ofSeconds(30));
        asAdmin().get("/api/v1/api-client-calls?client=" + id).then().statusCode(200).body("items.size()", equalTo(1));
    }

    /** The log is written a moment after the calls: wait for it. */
    private static JsonPath awaitCalls(String clientId, int count) throws InterruptedException {
        JsonPath page = null;
        for (int i = 0; i < 50; i++) {
            page = asAdmin().get("/api/v1/api-client-calls?client=" + clientId).then().statusCode(200).extract()
                    .jsonPath();
            if (page.getList("items").size() >= count) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("audit log incomplete: " + (page == null ? null : page.prettify()));
    }
}
