package id.satupintu.survey;

import static id.satupintu.survey.SurveyFixtures.allThrees;
import static id.satupintu.survey.SurveyFixtures.from;
import static id.satupintu.survey.SurveyFixtures.randomAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.NoErrorsLogged;
import id.satupintu.support.PinnedClock;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counter tablet's survey: the ticket its counter finished last, offered to a counter tablet of the site
 * while it is recent and unanswered, and to nobody else.
 */
@QuarkusTest
@ExtendWith(NoErrorsLogged.class)
class CounterSurveyTest {

    /** A site with one lane and one open counter, and the kiosk that issues its tickets. */
    record Hall(String site, QueueFixtures.OpenCounter counter, String kiosk) {

        static Hall open() {
            String site = QueueFixtures.openSite();
            QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
            return new Hall(site, QueueFixtures.openCounter(site, 3, "A"), QueueFixtures.device(Roles.KIOSK, site));
        }

        String tablet() {
            return QueueFixtures.device(Roles.COUNTER_TABLET, site);
        }

        /** A kiosk ticket called to the counter; its id and number. */
        String[] called() {
            var issued = QueueFixtures.issue(site, kiosk, "KIOSK", QueueFixtures.KTP, null).then().statusCode(201)
                    .extract();
            QueueFixtures.callNext(counter).then().statusCode(200).body("id", equalTo(issued.path("id")));
            return new String[] {issued.path("id"), issued.path("number")};
        }

        /** A kiosk ticket served to the end at the counter; its id and number. */
        String[] finished() {
            String[] ticket = called();
            QueueFixtures.act(counter, ticket[0], "start").then().statusCode(200);
            QueueFixtures.act(counter, ticket[0], "finish").then().statusCode(200);
            return ticket;
        }

        /** The survey token the kiosk that issued the ticket reads in its view (and prints on the slip). */
        String slipToken(String ticket) {
            return given().auth().oauth2(kiosk).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                    .extract().path("survey.token");
        }
    }

    static ValidatableResponse ask(String token, String counter) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.get("/api/v1/counters/" + counter + "/survey").then();
    }

    @Test
    void theTicketJustFinishedIsOfferedToTheTabletUntilItIsAnswered() {
        Hall hall = Hall.open();
        String tablet = hall.tablet();
        ask(tablet, hall.counter().id()).statusCode(204);
        String[] called = hall.called();
        // Called or in service is not finished yet.
        ask(tablet, hall.counter().id()).statusCode(204);
        QueueFixtures.act(hall.counter(), called[0], "start").then().statusCode(200);
        QueueFixtures.act(hall.counter(), called[0], "finish").then().statusCode(200);

        String token = ask(tablet, hall.counter().id()).statusCode(200).header("Cache-Control", "no-store")
                .body("counterId", equalTo(hall.counter().id())).body("counterNumber", equalTo(3))
                .body("counterName", equalTo("Loket 3")).body("ticketNumber", equalTo(called[1]))
                .body("state", equalTo("OPEN")).body("questionnaire.state", equalTo("OPEN"))
                .body("questionnaire.site.code", equalTo(hall.site()))
                .body("questionnaire.service.code", equalTo(QueueFixtures.KTP))
                .body("questionnaire.elements", hasSize(9))
                .body("questionnaire.elements[0].name", equalTo("Persyaratan"))
                .extract().path("token");
        assertEquals(hall.slipToken(called[0]), token, "the tablet and the slip carry the same survey");
        given().auth().oauth2(tablet).header("Accept-Language", "en").get("/api/v1/counters/" + hall.counter().id()
                + "/survey").then().statusCode(200).body("questionnaire.elements[0].name", equalTo("Requirements"));

        // The tablet answers with its own token, for the citizen in front of it; then there is nothing to offer.
        from(randomAddress(), tablet).body(allThrees()).post("/api/v1/surveys/" + token + "/response").then()
                .statusCode(201);
        ask(tablet, hall.counter().id()).statusCode(204);
        given().queryParam("site", hall.site()).get("/api/v1/ikm").then().statusCode(200)
                .body("respondents", equalTo(1)).body("population", equalTo(1));
    }

    /** Neither the officer who served nor any other account may answer at the counter: only the device. */
    @Test
    void staffCannotAnswerTheTabletsSurvey() {
        Hall hall = Hall.open();
        hall.finished();
        String token = ask(hall.tablet(), hall.counter().id()).statusCode(200).extract().path("token");
        for (String staff : new String[] {hall.counter().staff(), TestTokens.staff(Roles.SUPERVISOR, null, hall.site()),
                TestTokens.admin()}) {
            from(randomAddress(), staff).body(allThrees()).post("/api/v1/surveys/" + token + "/response").then()
                    .statusCode(403).body("code", equalTo("survey-staff-cannot-answer"));
        }
        from(randomAddress(), QueueFixtures.device(Roles.COUNTER_TABLET, QueueFixtures.openSite())).body(allThrees())
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(403)
                .body("code", equalTo("survey-other-site"));
        // Still open for the citizen: none of the refusals answered it.
        ask(hall.tablet(), hall.counter().id()).statusCode(200).body("token", equalTo(token));
    }

    @Test
    void onlyACounterTabletOfTheCountersSiteMayAsk() {
        Hall hall = Hall.open();
        hall.finished();
        String counter = hall.counter().id();
        ask(null, counter).statusCode(401);
        for (String other : new String[] {hall.counter().staff(), TestTokens.staff(Roles.SUPERVISOR, null, hall.site()),
                TestTokens.admin(), QueueFixtures.citizen(), hall.kiosk(),
                QueueFixtures.device(Roles.DISPLAY_BOARD, hall.site()), QueueFixtures.siteIntegrator(hall.site()),
                QueueFixtures.device(Roles.COUNTER_TABLET, null)}) {
            ask(other, counter).statusCode(403).body("code", equalTo("survey-counter-tablet-only"));
        }
        // Refused before the counter is looked up: a stranger learns nothing of which counters exist.
        ask(hall.kiosk(), UUID.randomUUID().toString()).statusCode(403)
                .body("code", equalTo("survey-counter-tablet-only"));
        ask(QueueFixtures.device(Roles.COUNTER_TABLET, QueueFixtures.openSite()), counter).statusCode(403)
                .body("code", equalTo("survey-other-site"));
        String tablet = hall.tablet();
        ask(tablet, UUID.randomUUID().toString()).statusCode(404).body("code", equalTo("counter-not-found"));
        ask(tablet, "not-a-counter").statusCode(404).body("code", equalTo("counter-not-found"));
        given().auth().oauth2(tablet).header("Accept-Language", "en").get("/api/v1/counters/x/survey").then()
                .statusCode(404).body("title", equalTo("Counter not found"));
        ask(tablet, counter).statusCode(200);
    }

    @Test
    void theSurveyIsOfferedOnlyWithinTheWindowAfterTheFinish() {
        Hall hall = Hall.open();
        hall.finished();
        String tablet = hall.tablet();
        Instant now = Instant.now();
        PinnedClock clock = PinnedClock.pin(now.plus(Duration.ofMinutes(14)));
        ask(tablet, hall.counter().id()).statusCode(200);
        clock.set(now.plus(Duration.ofMinutes(15)).plusSeconds(5));
        ask(tablet, hall.counter().id()).statusCode(204);
    }

    @Test
    void theLastTicketFinishedAtThisCounterIsOfferedNotANoShowNorAnotherCounters() {
        Hall hall = Hall.open();
        String tablet = hall.tablet();
        String[] first = hall.finished();
        // A no-show after it is no service finished: the citizen of the first is still the one to ask.
        String[] absent = hall.called();
        QueueFixtures.act(hall.counter(), absent[0], "no-show").then().statusCode(200);
        ask(tablet, hall.counter().id()).statusCode(200).body("ticketNumber", equalTo(first[1]));
        // Another counter's finished ticket stays at that counter.
        QueueFixtures.OpenCounter other = QueueFixtures.openCounter(hall.site(), 4, "A");
        String elsewhere = QueueFixtures.issue(hall.site(), hall.kiosk(), "KIOSK", QueueFixtures.KTP, null).then()
                .statusCode(201).extract().path("id");
        QueueFixtures.callNext(other).then().statusCode(200);
        QueueFixtures.act(other, elsewhere, "start").then().statusCode(200);
        QueueFixtures.act(other, elsewhere, "finish").then().statusCode(200);
        ask(tablet, hall.counter().id()).statusCode(200).body("ticketNumber", equalTo(first[1]));
        String[] second = hall.finished();
        ask(tablet, hall.counter().id()).statusCode(200).body("ticketNumber", equalTo(second[1]));
    }

    /** Answered from the phone that scanned the slip: the tablet has nothing left to offer for that ticket. */
    @Test
    void aSurveyAnsweredByPhoneIsNoLongerOffered() {
        Hall hall = Hall.open();
        String[] ticket = hall.finished();
        from(randomAddress(), null).body(allThrees()).post("/api/v1/surveys/" + hall.slipToken(ticket[0]) + "/response")
                .then().statusCode(201);
        ask(hall.tablet(), hall.counter().id()).statusCode(204);
    }

    @Test
    void theSameRulesOverGraphQL() {
        String query = "query($c: String!) { counterSurvey(counterId: $c) { ticketNumber token state "
                + "questionnaire { elements { element } } } }";
        Hall hall = Hall.open();
        String tablet = hall.tablet();
        QueueFixtures.graphql(tablet, query, Map.of("c", hall.counter().id())).body("errors", nullValue())
                .body("data.counterSurvey", nullValue());
        String[] ticket = hall.finished();
        QueueFixtures.graphql(tablet, query, Map.of("c", hall.counter().id())).body("errors", nullValue())
                .body("data.counterSurvey.ticketNumber", equalTo(ticket[1]))
                .body("data.counterSurvey.token", equalTo(hall.slipToken(ticket[0])))
                .body("data.counterSurvey.questionnaire.elements", hasSize(9));
        QueueFixtures.graphql(hall.counter().staff(), query, Map.of("c", hall.counter().id()))
                .body("errors[0].extensions.code", equalTo("survey-counter-tablet-only"));
        QueueFixtures.graphql(tablet, query, Map.of("c", UUID.randomUUID().toString()))
                .body("errors[0].extensions.code", equalTo("counter-not-found"));
    }
}
