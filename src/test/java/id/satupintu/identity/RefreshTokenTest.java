package id.satupintu.identity;

import static id.satupintu.identity.IdentityFixtures.PASSWORD;
import static id.satupintu.identity.IdentityFixtures.passwordGrant;
import static id.satupintu.identity.IdentityFixtures.refreshGrant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTokenTest {

    @Test
    void eachUseRotatesTheToken() {
        String username = IdentityFixtures.registerCitizen();
        String first = passwordGrant(username, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        String second = refreshGrant(first).then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("citizen"))
                .extract().path("refresh_token");
        assertNotEquals(first, second);
        String third = given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "refresh_token", "refresh_token", second))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("refresh_token");
        assertNotEquals(second, third);
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        String username = IdentityFixtures.registerCitizen();
        String first = passwordGrant(username, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        String second = refreshGrant(first).then().statusCode(200).extract().path("refresh_token");

        refreshGrant(first).then().statusCode(400).body("code", equalTo("invalid-grant"));
        // The legitimate successor dies with its family.
        refreshGrant(second).then().statusCode(400).body("code", equalTo("invalid-grant"));
        // Another sign-in starts a new family that is unaffected.
        String other = passwordGrant(username, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        refreshGrant(other).then().statusCode(200);
    }

    @Test
    void unknownTokenIsInvalidGrant() {
        refreshGrant("not-a-token-we-issued").then().statusCode(400).body("code", equalTo("invalid-grant"));
    }

    @Test
    void disabledUsersTokensStopWorking() {
        String username = IdentityFixtures.registerCitizen();
        String token = passwordGrant(username, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        IdentityFixtures.pool().preparedQuery("update identity_user set active = false where username = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(username)).await().indefinitely();
        refreshGrant(token).then().statusCode(400).body("code", equalTo("invalid-grant"));
    }

    @Test
    void theSameTokenUsedTwiceInParallelSucceedsExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String username = IdentityFixtures.registerCitizen();
            String token = passwordGrant(username, PASSWORD).then().statusCode(200).extract().path("refresh_token");
            assertEquals(List.of(200, 400), IdentityFixtures.race(2, () -> refreshGrant(token).statusCode()),
                    "round " + round);
        }
    }
}
