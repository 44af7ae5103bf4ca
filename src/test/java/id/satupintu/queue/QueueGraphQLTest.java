package id.satupintu.queue;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.support.GraphQLSubscriptions;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QueueGraphQLTest {

    @TestHTTPResource("/graphql")
    URL graphqlUrl;

    @Test
    void setUpIssueCallAndServeThroughGraphQL() {
        String site = QueueFixtures.openSite();
        String admin = TestTokens.admin();
        graphql(admin, "mutation($site: String!) { createLane(site: $site, input: {prefix: \"A\", name: \"KTP\", "
                + "serviceCodes: [\"" + KTP + "\"], dailyQuota: 50}) { prefix serviceCodes dailyQuota } }",
                Map.of("site", site))
                .body("errors", nullValue()).body("data.createLane.serviceCodes", contains(KTP));
        String counter = graphql(admin, "mutation($site: String!) { createCounter(site: $site, input: {number: 2, "
                + "name: \"Loket 2\", lanes: [\"A\"]}) { id lanes status } }", Map.of("site", site))
                .body("errors", nullValue()).body("data.createCounter.lanes", contains("A"))
                .extract().path("data.createCounter.id");
        String staff = TestTokens.staff(Roles.COUNTER_STAFF, null, site);
        graphql(staff, "mutation($id: String!) { openCounter(id: $id) { status } }", Map.of("id", counter))
                .body("data.openCounter.status", equalTo("OPEN"));

        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        String ticket = graphql(kiosk, "mutation($site: String!) { issueTicket(site: $site, input: {serviceCode: \""
                + KTP + "\", channel: KIOSK, priority: ELDERLY}) { id number position status } }", Map.of("site", site))
                .body("errors", nullValue()).body("data.issueTicket.number", equalTo("A-001"))
                .body("data.issueTicket.position", equalTo(1)).extract().path("data.issueTicket.id");
        graphql(kiosk, "query($id: String!) { queueTicket(id: $id) { number status openCounters estimatedWaitMinutes } }",
                Map.of("id", ticket))
                .body("data.queueTicket.openCounters", equalTo(1)).body("data.queueTicket.estimatedWaitMinutes", equalTo(0));

        graphql(staff, "mutation($id: String!) { callNext(counterId: $id) { id status counterNumber } }",
                Map.of("id", counter))
                .body("data.callNext.id", equalTo(ticket)).body("data.callNext.counterNumber", equalTo(2));
        graphql(staff, "mutation($id: String!) { a: startTicket(id: $id) { status } }", Map.of("id", ticket))
                .body("data.a.status", equalTo("SERVING"));
        graphql(staff, "mutation($id: String!) { finishTicket(id: $id) { status } }", Map.of("id", ticket))
                .body("data.finishTicket.status", equalTo("DONE"));
        graphql(staff, "mutation($id: String!) { callNext(counterId: $id) { id } }", Map.of("id", counter))
                .body("errors", nullValue()).body("data.callNext", nullValue());
        graphql(null, "query($site: String!) { queueBoard(site: $site) { number counterNumber status } "
                + "queueLanes(site: $site) { prefix } queueCounters(site: $site) { number status } }", Map.of("site", site))
                .body("errors", nullValue())
                .body("data.queueBoard[0].number", equalTo("A-001")).body("data.queueBoard[0].status", equalTo("DONE"))
                .body("data.queueLanes.prefix", contains("A")).body("data.queueCounters.number", contains(2));
    }

    @Test
    void staffOrAKioskOfTheSiteConfirmAPhonesPriorityThroughGraphQLAsOverRest() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String earlier = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", KTP, null)
                .then().statusCode(201).extract().path("id");
        String holder = QueueFixtures.citizen();
        String claimed = QueueFixtures.issue(site, holder, "PHONE", KTP, "ELDERLY").then().statusCode(201)
                .body("priorityState", equalTo("CLAIMED")).extract().path("id");
        String confirm = "mutation($id: String!) { confirmTicketPriority(id: $id) { id priority priorityState } }";
        Map<String, Object> vars = Map.of("id", claimed);

        // The same refusals, with the same codes, as POST /api/v1/tickets/{id}/priority-confirmation.
        String elsewhere = QueueFixtures.openSite();
        Map<String, String> refused = Map.of(
                holder, "forbidden",
                TestTokens.staff(Roles.COUNTER_STAFF, null, elsewhere), "forbidden",
                QueueFixtures.device(Roles.KIOSK, elsewhere), "forbidden",
                TestTokens.staff(Roles.OFFICER, null, site), "forbidden");
        refused.forEach((token, code) -> {
            graphql(token, confirm, vars).body("errors[0].extensions.code", equalTo(code))
                    .body("errors[0].extensions.status", equalTo(403)).body("data.confirmTicketPriority", nullValue());
            given().auth().oauth2(token)
                    .post("/api/v1/tickets/" + claimed + "/priority-confirmation").then().statusCode(403)
                    .body("code", equalTo(code));
        });
        graphql(null, confirm, vars).body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(TestTokens.staff(Roles.COUNTER_STAFF, null, site), confirm, Map.of("id", "bukan-id"))
                .body("errors[0].extensions.code", equalTo("ticket-not-found"));
        graphql(holder, "query($id: String!) { queueTicket(id: $id) { priorityState position } }", vars)
                .body("data.queueTicket.priorityState", equalTo("CLAIMED")).body("data.queueTicket.position", equalTo(2));

        graphql(TestTokens.staff(Roles.COUNTER_STAFF, null, site), confirm, vars).body("errors", nullValue())
                .body("data.confirmTicketPriority.id", equalTo(claimed))
                .body("data.confirmTicketPriority.priority", equalTo("ELDERLY"))
                .body("data.confirmTicketPriority.priorityState", equalTo("CONFIRMED"));
        graphql(holder, "query($id: String!) { queueTicket(id: $id) { priorityState position } }", vars)
                .body("data.queueTicket.priorityState", equalTo("CONFIRMED")).body("data.queueTicket.position", equalTo(1));
        graphql(QueueFixtures.device(Roles.KIOSK, site), confirm, vars)
                .body("errors[0].extensions.code", equalTo("priority-not-claimed"))
                .body("errors[0].extensions.status", equalTo(409));
        graphql(QueueFixtures.device(Roles.KIOSK, site), confirm, Map.of("id", earlier))
                .body("errors[0].extensions.code", equalTo("priority-not-claimed"));

        // A kiosk of the site confirms as staff do.
        String another = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", KTP, "PREGNANT")
                .then().statusCode(201).extract().path("id");
        graphql(QueueFixtures.device(Roles.KIOSK, site), confirm, Map.of("id", another)).body("errors", nullValue())
                .body("data.confirmTicketPriority.priorityState", equalTo("CONFIRMED"));
    }

    @Test
    void rulesAndBadInputsAreGraphQLErrorsWithTheirCodes() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 50, KTP);
        String otherKiosk = QueueFixtures.device(Roles.KIOSK, "MPP-BDG");
        String issue = "mutation($site: String!) { issueTicket(site: $site, input: {serviceCode: \"" + KTP
                + "\", channel: KIOSK}) { id } }";
        graphql(otherKiosk, issue, Map.of("site", site))
                .body("errors[0].extensions.code", equalTo("channel-not-allowed"))
                .body("errors[0].extensions.status", equalTo(403));
        graphql(null, issue, Map.of("site", site)).body("errors[0].extensions.code", equalTo("unauthorized"));
        graphql(TestTokens.admin(), "mutation($site: String!) { createLane(site: $site, input: {prefix: \"ab\", "
                + "name: \"x\", serviceCodes: [\"" + KTP + "\"], dailyQuota: 0}) { prefix } }", Map.of("site", site))
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql(TestTokens.staff(Roles.COUNTER_STAFF, null, site), "mutation { startTicket(id: \"nope\") { id } }", null)
                .body("errors[0].extensions.code", equalTo("ticket-not-found"));
    }

    @Test
    void boardSubscriptionDeliversCallsAsTheyHappen() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 50, KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 9, "A");
        QueueFixtures.kioskTicket(site, KTP, null);

        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        // The board is public, but a GraphQL connection needs a token: the display board's own.
        WebSocket socket = subscribe(messages, QueueFixtures.device(Roles.DISPLAY_BOARD, site),
                "subscription { boardEvents(site: \"" + site + "\") { type number counterNumber } }");
        try {
            // The subscription follows from the moment the server registers it: issue until an event arrives.
            JsonObject event = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (event == null && System.nanoTime() < deadline) {
                QueueFixtures.kioskTicket(site, KTP, null);
                event = boardEvent(messages, 500);
            }
            assertNotNull(event, "no board event over the subscription");
            assertEquals("ticket.issued", event.getString("type"));
            QueueFixtures.callNext(counter).then().statusCode(200);
            while (event != null && !"ticket.called".equals(event.getString("type"))) {
                event = boardEvent(messages, 10_000);
            }
            assertNotNull(event, "no board event over the subscription");
            assertEquals("ticket.called", event.getString("type"));
            assertEquals("A-001", event.getString("number"));
            assertEquals(9, event.getInteger("counterNumber"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void theHolderSubscribesToTheirTicketAndStrangersCannot() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 50, KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 3, "A");
        String citizen = QueueFixtures.citizen();
        String ticket = QueueFixtures.issue(site, citizen, "PHONE", KTP, null).then().statusCode(201)
                .extract().path("id");
        String query = "subscription { ticketEvents(id: \"" + ticket + "\") { type number status counterNumber } }";

        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(messages, citizen, query);
        try {
            JsonObject issued = ticketEvent(next(messages));
            assertEquals("ticket.issued", issued.getString("type"));
            QueueFixtures.callNext(counter).then().statusCode(200);
            JsonObject called = ticketEvent(next(messages));
            assertEquals("ticket.called", called.getString("type"));
            assertEquals(3, called.getInteger("counterNumber"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        BlockingQueue<JsonObject> refused = new LinkedBlockingQueue<>();
        WebSocket stranger = subscribe(refused, QueueFixtures.citizen(), query);
        try {
            JsonObject message = next(refused);
            assertTrue(message.encode().contains("\"code\":\"forbidden\""), message.encode());
        } finally {
            stranger.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static JsonObject ticketEvent(JsonObject message) {
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketEvents");
    }

    private WebSocket subscribe(BlockingQueue<JsonObject> messages, String token, String query) throws Exception {
        return GraphQLSubscriptions.subscribe(graphqlUrl, messages, token, query);
    }

    /** The next boardEvents item, or null when none comes in time; fails on a GraphQL error message. */
    private static JsonObject boardEvent(BlockingQueue<JsonObject> messages, long millis) throws InterruptedException {
        JsonObject message = messages.poll(millis, TimeUnit.MILLISECONDS);
        if (message == null) {
            return null;
        }
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("boardEvents");
    }

    private static JsonObject next(BlockingQueue<JsonObject> messages) throws InterruptedException {
        return GraphQLSubscriptions.next(messages);
    }
}
