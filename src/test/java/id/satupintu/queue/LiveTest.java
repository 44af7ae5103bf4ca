package id.satupintu.queue;

import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.act;
import static id.satupintu.queue.QueueFixtures.callNext;
import static id.satupintu.queue.QueueFixtures.kioskTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures.OpenCounter;
import id.satupintu.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void positionAndEstimatedWaitFollowTheLaneAndItsOpenCounters() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String staff = TestTokens.staff(Roles.OFFICER, null, site);
        kioskTicket(site, KTP, null);
        kioskTicket(site, KTP, null);
        String third = kioskTicket(site, KTP, null);
        String elderly = kioskTicket(site, KTP, "ELDERLY");

        // No counter open: no honest estimate.
        given().auth().oauth2(staff).get("/api/v1/tickets/" + third).then().statusCode(200)
                .body("position", equalTo(4)).body("openCounters", equalTo(0)).body("estimatedWaitMinutes", nullValue());
        OpenCounter one = QueueFixtures.openCounter(site, 1, "A");
        // Three ahead at the default 300 s each, one counter.
        given().auth().oauth2(staff).get("/api/v1/tickets/" + third).then().statusCode(200)
                .body("position", equalTo(4)).body("estimatedWaitMinutes", equalTo(15));
        given().auth().oauth2(staff).get("/api/v1/tickets/" + elderly).then().statusCode(200)
                .body("position", equalTo(1)).body("estimatedWaitMinutes", equalTo(0));
        QueueFixtures.openCounter(site, 2, "A");
        given().auth().oauth2(staff).get("/api/v1/tickets/" + third).then().statusCode(200)
                .body("openCounters", equalTo(2)).body("estimatedWaitMinutes", equalTo(8));

        // A quick service brings the lane's rolling average, and the estimate, down.
        String served = callNext(one).then().statusCode(200).extract().path("id");
        act(one, served, "start").then().statusCode(200);
        act(one, served, "finish").then().statusCode(200);
        given().auth().oauth2(staff).get("/api/v1/tickets/" + third).then().statusCode(200)
                .body("position", equalTo(3)).body("estimatedWaitMinutes", lessThanOrEqualTo(1));
        given().auth().oauth2(staff).get("/api/v1/tickets/" + served).then().statusCode(200)
                .body("status", equalTo("DONE")).body("position", nullValue());
    }

    @Test
    void theHolderFollowsTheirTicketLive() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 7, "A");
        String citizen = QueueFixtures.citizen();
        String ticket = QueueFixtures.issue(site, citizen, "PHONE", KTP, null).then().statusCode(201)
                .extract().path("id");
        try (Sse events = Sse.open(base, "api/v1/tickets/" + ticket + "/events", citizen, null)) {
            JsonObject issued = events.next("ticket.issued");
            assertEquals("A-001", issued.getString("number"));
            assertFalse(issued.containsKey("holderId"));
            callNext(counter).then().statusCode(200);
            JsonObject called = events.next("ticket.called");
            assertEquals(7, called.getInteger("counterNumber"));
            assertEquals("CALLED", called.getString("status"));
        }
        // Resuming after the last seen event gives only what came later.
        String lastId;
        try (Sse events = Sse.open(base, "api/v1/tickets/" + ticket + "/events", citizen, null)) {
            events.next("ticket.issued");
            lastId = events.lastId;
            events.next("ticket.called");
        }
        act(counter, ticket, "start").then().statusCode(200);
        try (Sse events = Sse.open(base, "api/v1/tickets/" + ticket + "/events", citizen, lastId)) {
            assertEquals("CALLED", events.next("ticket.called").getString("status"));
            assertEquals("SERVING", events.next("ticket.serving").getString("status"));
        }
    }

    @Test
    void theHolderIsToldOnceWhenTheirTurnIsNear() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 2, "A");
        String first = kioskTicket(site, KTP, null);
        kioskTicket(site, KTP, null);
        kioskTicket(site, KTP, null);
        String citizen = QueueFixtures.citizen();
        String mine = QueueFixtures.issue(site, citizen, "PHONE", KTP, null).then().statusCode(201).extract().path("id");
        kioskTicket(site, KTP, null);
        try (Sse events = Sse.open(base, "api/v1/tickets/" + mine + "/events", citizen, null)) {
            events.next("ticket.issued");
            // Fourth in line; after one call, third: near.
            callNext(counter).then().statusCode(200);
            JsonObject near = events.next("ticket.near");
            assertEquals(3, near.getInteger("position"));
            assertEquals("A-004", near.getString("number"));
            act(counter, first, "no-show").then().statusCode(200);
            // Second now: the holder is not told again.
            callNext(counter).then().statusCode(200);
            assertTrue(events.quiet(2), "told more than once");
        }
        given().auth().oauth2(citizen).get("/api/v1/tickets/" + mine).then().statusCode(200)
                .body("position", equalTo(2));
    }

    @Test
    void strangersCannotFollowATicket() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        String ticket = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", KTP, null).then().statusCode(201)
                .extract().path("id");
        assertEquals(403, Sse.status(base, "api/v1/tickets/" + ticket + "/events", QueueFixtures.citizen()));
        assertEquals(401, Sse.status(base, "api/v1/tickets/" + ticket + "/events", null));
        assertEquals(404, Sse.status(base, "api/v1/tickets/" + java.util.UUID.randomUUID() + "/events",
                QueueFixtures.citizen()));
    }

    @Test
    void theBoardShowsRecentCallsAndStreamsThem() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP);
        OpenCounter counter = QueueFixtures.openCounter(site, 4, "A");
        String first = kioskTicket(site, KTP, null);
        kioskTicket(site, KTP, null);
        try (Sse board = Sse.open(base, "api/v1/sites/" + site + "/board/events", null, null)) {
            assertEquals("A-001", board.next("ticket.issued").getString("number"));
            assertEquals("A-002", board.next("ticket.issued").getString("number"));
            callNext(counter).then().statusCode(200);
            JsonObject called = board.next("ticket.called");
            assertEquals("A-001", called.getString("number"));
            assertEquals(4, called.getInteger("counterNumber"));
            act(counter, first, "recall").then().statusCode(200);
            assertEquals("A-001", board.next("ticket.recalled").getString("number"));
        }
        given().get("/api/v1/sites/" + site + "/board").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].number", equalTo("A-001"))
                .body("[0].counterNumber", equalTo(4)).body("[0].callCount", equalTo(2));
        given().get("/api/v1/sites/NO-SUCH-SITE/board").then().statusCode(404);
        assertEquals(404, Sse.status(base, "api/v1/sites/NO-SUCH-SITE/board/events", null));
        given().header("Last-Event-ID", "abc").accept("text/event-stream")
                .get("/api/v1/sites/" + site + "/board/events").then().statusCode(400);
    }
}
