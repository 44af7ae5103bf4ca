package id.satupintu.survey;

import static id.satupintu.survey.SurveyFixtures.allThrees;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invitations in the views of those served: a ticket (the kiosk's issue answer, the slip's QR code), an
 * application, a complaint; opened when the service ends, whichever way it ends; never shown to staff.
 */
@QuarkusTest
class SurveyInvitationTest {

    @Test
    void aKioskTicketCarriesItsSurveyFromIssueToAnswer() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        var issued = QueueFixtures.issue(site, kiosk, "KIOSK", QueueFixtures.KTP, null).then().statusCode(201)
                .body("survey.state", equalTo("PENDING")).body("survey.url", startsWith("/survei/")).extract();
        String ticket = issued.path("id");
        String token = issued.path("survey.token");
        assertEquals(24, token.length());
        assertEquals("/survei/" + token, issued.path("survey.url"));
        given().get("/api/v1/surveys/" + token).then().statusCode(200).body("state", equalTo("PENDING"))
                .body("site.code", equalTo(site)).body("service.code", equalTo(QueueFixtures.KTP))
                .body("agency.code", equalTo("DISDUKCAPIL-BDG"));
        SurveyFixtures.from(SurveyFixtures.randomAddress(), null).body(allThrees())
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(409);

        QueueFixtures.callNext(counter).then().statusCode(200);
        QueueFixtures.act(counter, ticket, "start").then().statusCode(200).body("survey", nullValue());
        QueueFixtures.act(counter, ticket, "finish").then().statusCode(200);
        // The same token, read again by the kiosk that issued it; staff see none.
        given().auth().oauth2(kiosk).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("survey.token", equalTo(token)).body("survey.state", equalTo("OPEN"));
        given().auth().oauth2(counter.staff()).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("survey", nullValue());

        SurveyFixtures.from(SurveyFixtures.randomAddress(), kiosk).body(allThrees())
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(201);
        given().auth().oauth2(kiosk).get("/api/v1/tickets/" + ticket).then().body("survey.state", equalTo("ANSWERED"));
        given().queryParam("site", site).get("/api/v1/ikm").then().statusCode(200)
                .body("respondents", equalTo(1)).body("population", equalTo(1));
    }

    @Test
    void aNoShowAfterACallIsInvitedTooAndAPhoneTicketsHolderSeesIt() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "B", 100, QueueFixtures.KK);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 2, "B");
        String citizen = QueueFixtures.citizen();
        String ticket = QueueFixtures.issue(site, citizen, "PHONE", QueueFixtures.KK, null).then().statusCode(201)
                .body("survey.state", equalTo("PENDING")).extract().path("id");
        QueueFixtures.callNext(counter).then().statusCode(200);
        QueueFixtures.act(counter, ticket, "no-show").then().statusCode(200);
        String token = given().auth().oauth2(citizen).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("survey.state", equalTo("OPEN")).extract().path("survey.token");
        given().get("/api/v1/surveys/" + token).then().body("state", equalTo("OPEN"));
        // The site's population counts the end even though nobody answered.
        given().queryParam("site", site).get("/api/v1/ikm").then().body("population", equalTo(1))
                .body("respondents", equalTo(0));
    }

    @Test
    void aRejectedOrWithdrawnApplicationInvitesItsApplicant() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        String token = ApplicationFixtures.as(f.citizen).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("survey.state", equalTo("PENDING")).extract().path("survey.token");
        ApplicationFixtures.act(f.officer, tn, "reject", Map.of("reason", "Lokasi di luar zona")).statusCode(200)
                .body("survey", nullValue());
        ApplicationFixtures.as(f.citizen).get("/api/v1/applications/" + tn).then()
                .body("survey.token", equalTo(token)).body("survey.state", equalTo("OPEN"));
        ApplicationFixtures.as(f.officer).get("/api/v1/applications/" + tn).then().statusCode(200)
                .body("survey", nullValue());
        given().get("/api/v1/surveys/" + token).then().statusCode(200).body("agency.code", equalTo(f.agency))
                .body("service.code", equalTo(f.service));

        String withdrawn = f.submitted();
        ApplicationFixtures.act(f.citizen, withdrawn, "withdraw").statusCode(200)
                .body("survey.state", equalTo("OPEN"));
    }

    @Test
    void aClosedOrRejectedComplaintInvitesItsReporter() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.filed();
        f.as(f.citizen).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("survey.state", equalTo("PENDING"));
        f.act(f.desk, code, "reject", Map.of("rejectReason", "SPAM", "note", "Isi tidak terkait pelayanan."))
                .statusCode(200).body("survey", nullValue());
        String token = f.as(f.citizen).get("/api/v1/complaints/" + code).then()
                .body("survey.state", equalTo("OPEN")).extract().path("survey.token");
        assertNotNull(token);
        given().get("/api/v1/surveys/" + token).then().statusCode(200).body("site.code", equalTo(f.site));

        String[] anonymous = f.filedAnonymously();
        f.withSecret(anonymous[1]).get("/api/v1/complaints/" + anonymous[0]).then().statusCode(200)
                .body("survey.state", equalTo("PENDING"));
        f.as(f.desk).get("/api/v1/complaints/" + anonymous[0]).then().statusCode(200).body("survey", nullValue());
    }
}
