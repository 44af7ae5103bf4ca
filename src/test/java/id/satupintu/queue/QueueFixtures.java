package id.satupintu.queue;

import static io.restassured.RestAssured.given;

import id.satupintu.identity.AccessTokenIssuer;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sites, lanes, counters and device tokens for queue tests, made through the admin API. */
public final class QueueFixtures {

    public static final String KTP = "DKB-KTP-EL";
    public static final String KK = "DKB-KK";
    public static final String PASPOR = "IMI-PASPOR-BARU";
    public static final String SAMSAT = "SAMSAT-PKB-TAHUNAN";

    private QueueFixtures() {
    }

    /** A new site in the zone; open every day all day, or never open. */
    public static String site(String timeZone, boolean alwaysOpen) {
        return alwaysOpen ? site(timeZone, "00:00", "23:59") : site(timeZone, null, null);
    }

    /** A new site in the zone open every day between the two local times ("08:00"); null: never open. */
    public static String site(String timeZone, String opens, String closes) {
        return site(timeZone, opens, closes, null);
    }

    /** As {@link #site(String, String, String)}, with the name given (null: "MPP Uji" and the code). */
    public static String site(String timeZone, String opens, String closes, String name) {
        String code = "Q-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> hours = new ArrayList<>();
        if (opens != null) {
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.add(Map.of("day", day.name(), "opens", opens, "closes", closes));
            }
        }
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("code", code);
        site.put("kind", "MPP");
        site.put("name", name != null ? name : "MPP Uji " + code);
        site.put("address", "Jl. Uji No. 1");
        site.put("city", "Bandung");
        site.put("provinceCode", "32");
        site.put("timeZone", timeZone);
        site.put("openingHours", hours);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site)
                .post("/api/v1/sites").then().statusCode(201);
        return code;
    }

    public static String openSite() {
        return site("Asia/Jakarta", true);
    }

    public static Map<String, Object> lane(String prefix, int quota, String... services) {
        Map<String, Object> lane = new LinkedHashMap<>();
        lane.put("prefix", prefix);
        lane.put("name", "Jalur " + prefix);
        lane.put("serviceCodes", List.of(services));
        lane.put("dailyQuota", quota);
        return lane;
    }

    public static void createLane(String site, String prefix, int quota, String... services) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(lane(prefix, quota, services))
                .post("/api/v1/sites/" + site + "/lanes").then().statusCode(201);
    }

    public static String createCounter(String site, int number, String... lanes) {
        return createNamedCounter(site, number, "Loket " + number, lanes);
    }

    public static String createNamedCounter(String site, int number, String name, String... lanes) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "name", name, "lanes", List.of(lanes)))
                .post("/api/v1/sites/" + site + "/counters").then().statusCode(201).extract().path("id");
    }

    /** A counter with its own member of staff, session open. */
    public record OpenCounter(String id, String staff) {
    }

    public static OpenCounter openCounter(String site, int number, String... lanes) {
        String id = createCounter(site, number, lanes);
        String staff = TestTokens.staff(Roles.COUNTER_STAFF, null, site);
        given().auth().oauth2(staff).post("/api/v1/counters/" + id + "/open").then().statusCode(200);
        return new OpenCounter(id, staff);
    }

    public static String device(String kind, String site) {
        return device(kind, null, site);
    }

    /** A device of the site bound to an agency too (null: to none), as the Samsat drive-thru lane is. */
    public static String device(String kind, String agency, String site) {
        String id = UUID.randomUUID().toString();
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, kind + "-" + id.substring(0, 8), Set.of(kind), agency,
                site, Set.of(), true));
    }

    public static String integrator(String... scopes) {
        return siteIntegrator(null, scopes);
    }

    /** An integrator client bound to a site (null: unbound) with these scopes. */
    public static String siteIntegrator(String site, String... scopes) {
        String id = UUID.randomUUID().toString();
        return TestTokens.issue(new AccessTokenIssuer.Subject(id, "oss-" + id.substring(0, 8), Set.of(Roles.INTEGRATOR),
                null, site, Set.of(scopes), true));
    }

    public static String citizen() {
        return TestTokens.citizen(UUID.randomUUID().toString());
    }

    public static Response issue(String site, String token, String channel, String service, String priority) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceCode", service);
        body.put("channel", channel);
        if (priority != null) {
            body.put("priority", priority);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sites/" + site + "/tickets");
    }

    /** A kiosk ticket; returns its id. */
    public static String kioskTicket(String site, String service, String priority) {
        return issue(site, device(Roles.KIOSK, site), "KIOSK", service, priority)
                .then().statusCode(201).extract().path("id");
    }

    public static Response callNext(OpenCounter counter) {
        return given().auth().oauth2(counter.staff()).post("/api/v1/counters/" + counter.id() + "/call-next");
    }

    public static Response act(OpenCounter counter, String ticket, String action) {
        return given().auth().oauth2(counter.staff()).post("/api/v1/tickets/" + ticket + "/" + action);
    }

    /** A GraphQL request over HTTP, which answers 200 also when the body carries errors. */
    public static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200);
    }
}
