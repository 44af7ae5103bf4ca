package id.satupintu.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An API client's calls over HTTP/2 (cleartext, as java.net.http upgrades to it). The edge reads JSON
 * bodies whole before the client gate, and an ended HTTP/2 request refuses pause(): the gate once
 * answered every such call 500 "Request has already been read" (found by ApiFuzzTest).
 */
@QuarkusTest
class ClientCallOverHttp2Test {

    @Test
    void aClientsJsonCallsOverHttp2AreAnswered() throws Exception {
        String token = TestTokens.issue(new AccessTokenIssuer.Subject(UUID.randomUUID().toString(), "h2-client",
                Set.of(Roles.INTEGRATOR), null, null, Set.of(Scopes.APPLICATIONS_READ, Scopes.APPLICATIONS_WRITE), true));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> graphql = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ sites(first: 1) { items { code } } }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, graphql.statusCode(), graphql.body());
            assertEquals(HttpClient.Version.HTTP_2, graphql.version(), "the call went over HTTP/2");
            HttpResponse<String> rest = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/v1/oss/receive-nib")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, rest.statusCode(), rest.body());
        }
    }
}
