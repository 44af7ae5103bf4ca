package id.satupintu.complaint.open311;

import static io.restassured.RestAssured.given;

import id.satupintu.identity.PasswordHasher;
import io.quarkus.arc.Arc;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** API clients and filings for the Open311 tests. */
final class Open311Fixtures {

    static final String SECRET = "open311-uji-rahasia-2026";

    private Open311Fixtures() {
    }

    /** A new integrator client with these scopes; its api_key (client_id:client_secret). */
    static String apiKey(String scopes) {
        String clientId = "open311-" + UUID.randomUUID().toString().substring(0, 8);
        pool().preparedQuery("insert into identity_api_client (client_id, name, kind, secret_hash, scopes) "
                        + "values ($1, 'Aplikasi Open311 uji', 'integrator', $2, $3)")
                .execute(Tuple.of(clientId, Arc.container().instance(PasswordHasher.class).get().hashNow(SECRET), scopes))
                .await().atMost(Duration.ofSeconds(10));
        return clientId + ":" + SECRET;
    }

    /** The form of the specification's example request, made ours: a site, a category, its attribute. */
    static Map<String, String> exampleForm(String apiKey, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        form.put("jurisdiction_id", "MPP-BDG");
        form.put("service_code", "PUNGLI");
        form.put("lat", "-6.9147");
        form.put("long", "107.6098");
        form.put("address_string", "Jl. Wastukencana No. 2, Babakan Ciamis, Sumur Bandung, Kota Bandung");
        form.put("email", "siti.rahma@example.id");
        form.put("device_id", "tt222111");
        form.put("account_id", "123456");
        form.put("first_name", "Siti");
        form.put("last_name", "Rahmawati");
        form.put("phone", "081234567890");
        form.put("description", description);
        form.put("media_url", "https://foto.example.id/2212426634_5ed477a060.jpg");
        form.put("attribute[amount]", "150000");
        return form;
    }

    static ValidatableResponse post(String format, Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded; charset=utf-8").formParams(form)
                .post("/open311/v2/requests." + format).then();
    }

    /** Files through Open311 and returns the service_request_id. */
    static String file(String apiKey, String description) {
        return post("json", exampleForm(apiKey, description)).statusCode(200)
                .extract().path("[0].service_request_id");
    }

    static String unique(String text) {
        return text + " (" + UUID.randomUUID() + ")";
    }

    static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }
}
