package id.satupintu.survey;

import static id.satupintu.survey.SurveyFixtures.allThrees;
import static id.satupintu.survey.SurveyFixtures.from;
import static id.satupintu.survey.SurveyFixtures.invitation;
import static id.satupintu.survey.SurveyFixtures.randomAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reading and answering a survey by its token: who may, what an answer holds, and once only. */
@QuarkusTest
class SurveyAnswerTest {

    static final OffsetDateTime RECENTLY = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);

    static io.restassured.response.ValidatableResponse post(String address, String token, String survey, Object body) {
        return from(address, token).body(body).post("/api/v1/surveys/" + survey + "/response").then();
    }

    @Test
    void theQuestionnaireIsIndonesianFirstAndEnglishOnRequest() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, "DISDUKCAPIL-BDG", QueueFixtures.KTP, "OPEN", RECENTLY);
        given().get("/api/v1/surveys/" + token).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("site.code", equalTo(site))
                .body("service.code", equalTo(QueueFixtures.KTP))
                .body("elements", hasSize(9)).body("elements[0].name", equalTo("Persyaratan"))
                .body("elements[0].answers", hasSize(4)).body("elements[0].answers[3].label", equalTo("Sangat sesuai"))
                .body("elements[3].answers[3].label", equalTo("Gratis"))
                .body("elements[8].name", equalTo("Sarana dan prasarana"))
                .body("respondent.sex.options.value", equalTo(List.of("L", "P")))
                .body("respondent.education.options.value", hasItem("S3"))
                .body("respondent.age.min", equalTo(10));
        given().header("Accept-Language", "en").get("/api/v1/surveys/" + token).then().statusCode(200)
                .body("elements[0].name", equalTo("Requirements")).body("respondent.sex.options[1].label", equalTo("Female"));
    }

    @Test
    void anAnswerIsTakenOnceAndTheTokenThenReadsAnswered() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", RECENTLY);
        String address = randomAddress();
        post(address, null, token, allThrees()).statusCode(201).body("state", equalTo("ANSWERED"));
        post(address, null, token, allThrees()).statusCode(409).body("code", equalTo("survey-already-answered"));
        given().get("/api/v1/surveys/" + token).then().statusCode(200).body("state", equalTo("ANSWERED"));
        // A citizen holding the token answers as anyone would.
        String other = invitation(site, null, null, "OPEN", RECENTLY);
        post(address, QueueFixtures.citizen(), other, allThrees()).statusCode(201);
    }

    @Test
    void tenParallelAnswersToOneTokenMakeExactlyOneResponse() throws Exception {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", RECENTLY);
        String address = randomAddress();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int score = 1 + i % 4;
            results.add(pool.submit(() -> {
                start.await();
                return post(address, null, token, SurveyFixtures.answer(score, score, score, score, score, score,
                        score, score, score)).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().queryParam("site", site).get("/api/v1/ikm").then().statusCode(200).body("respondents", equalTo(1));
    }

    @Test
    void badAnswersAreRefusedWithTheFieldNamed() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", RECENTLY);
        String address = randomAddress();
        Map<String, Object> eight = SurveyFixtures.answer(3, 3, 3, 3, 3, 3, 3, 3);
        post(address, null, token, eight).statusCode(400).body("errors[0].field", equalTo("answers"))
                .body("errors[0].code", equalTo("survey-elements-missing"));
        post(address, null, token, SurveyFixtures.answer(3, 3, 0, 3, 3, 3, 3, 3, 3)).statusCode(400)
                .body("errors[0].field", equalTo("answers[2].score")).body("errors[0].code", equalTo("survey-score"));
        post(address, null, token, SurveyFixtures.answer(3, 3, 3, 3, 3, 3, 3, 3, 5)).statusCode(400)
                .body("errors[0].code", equalTo("survey-score"));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int e = 1; e <= 9; e++) {
            answers.add(Map.of("element", e == 9 ? 1 : e, "score", 2));
        }
        post(address, null, token, Map.of("answers", answers)).statusCode(400)
                .body("errors[0].code", equalTo("survey-element-repeated"));
        answers.set(8, Map.of("element", 10, "score", 2));
        post(address, null, token, Map.of("answers", answers)).statusCode(400)
                .body("errors[0].code", equalTo("survey-element"));
        answers.set(8, Map.of("element", 9, "score", "3"));
        post(address, null, token, Map.of("answers", answers)).statusCode(400)
                .body("errors[0].field", equalTo("answers[8].score")).body("errors[0].code", equalTo("wrong-type"));
        answers.set(8, Map.of("element", 9, "score", 2.5));
        post(address, null, token, Map.of("answers", answers)).statusCode(400)
                .body("errors[0].code", equalTo("wrong-type"));
        post(address, null, token, Map.of("answers", "semua baik")).statusCode(400);
        post(address, null, token, Map.of()).statusCode(400).body("errors[0].field", equalTo("answers"));
        from(address, null).body("{\"answers\": [").post("/api/v1/surveys/" + token + "/response").then()
                .statusCode(400);

        Map<String, Object> body = new HashMap<>(allThrees());
        body.put("suggestion", "a\u0000b");
        post(address, null, token, body).statusCode(400);
        body.put("suggestion", "x".repeat(2001));
        post(address, null, token, body).statusCode(400).body("errors[0].field", equalTo("suggestion"))
                .body("errors[0].code", equalTo("max-length"));
        body.put("suggestion", "baik");
        body.put("respondent", Map.of("sex", "X", "age", 5, "education", "TK", "occupation", "PNS"));
        post(address, null, token, body).statusCode(400)
                .body("errors.field", equalTo(List.of("respondent.sex", "respondent.age", "respondent.education")));
        given().header("X-Forwarded-For", address).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(eight).post("/api/v1/surveys/" + token + "/response").then().statusCode(400)
                .body("errors[0].message", equalTo("all 9 elements must be answered; missing: 9"));
        // None of it was taken: the token still answers, with a profile of one field (each is optional on its own).
        Map<String, Object> partial = new HashMap<>(allThrees());
        partial.put("respondent", Map.of("sex", "P"));
        post(address, null, token, partial).statusCode(201);
    }

    @Test
    void unknownExpiredAndUnendedTokensAreNotAnswered() {
        String site = QueueFixtures.openSite();
        String address = randomAddress();
        post(address, null, SurveyFixtures.newToken(), allThrees()).statusCode(404).body("code", equalTo("survey-not-found"));
        given().get("/api/v1/surveys/" + SurveyFixtures.newToken()).then().statusCode(404);
        post(address, null, "not-a-token", allThrees()).statusCode(404).body("code", equalTo("survey-not-found"));
        given().get("/api/v1/surveys/%27%3B--").then().statusCode(404);

        String expired = invitation(site, null, null, "OPEN", OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
        given().get("/api/v1/surveys/" + expired).then().statusCode(200).body("state", equalTo("EXPIRED"));
        post(address, null, expired, allThrees()).statusCode(404).body("code", equalTo("survey-expired"));
        String young = invitation(site, null, null, "OPEN", OffsetDateTime.now(ZoneOffset.UTC).minusDays(29));
        post(address, null, young, allThrees()).statusCode(201);

        String pending = invitation(site, null, null, "PENDING", null);
        given().get("/api/v1/surveys/" + pending).then().statusCode(200).body("state", equalTo("PENDING"));
        post(address, null, pending, allThrees()).statusCode(409).body("code", equalTo("survey-not-open"));
    }

    @Test
    void staffAndOtherClientsCannotAnswerDevicesOfTheSiteCan() {
        String site = QueueFixtures.openSite();
        String token = invitation(site, null, null, "OPEN", RECENTLY);
        String address = randomAddress();
        post(address, TestTokens.staff(Roles.COUNTER_STAFF, null, site), token, allThrees()).statusCode(403)
                .body("code", equalTo("survey-staff-cannot-answer"));
        post(address, TestTokens.admin(), token, allThrees()).statusCode(403)
                .body("code", equalTo("survey-staff-cannot-answer"));
        post(address, QueueFixtures.integrator(), token, allThrees()).statusCode(403)
                .body("code", equalTo("survey-device-only"));
        post(address, QueueFixtures.device(Roles.DISPLAY_BOARD, site), token, allThrees()).statusCode(403)
                .body("code", equalTo("survey-device-only"));
        post(address, QueueFixtures.device(Roles.KIOSK, QueueFixtures.openSite()), token, allThrees()).statusCode(403)
                .body("code", equalTo("survey-other-site"));
        post(address, QueueFixtures.device(Roles.COUNTER_TABLET, site), token, allThrees()).statusCode(201);
        String second = invitation(site, null, null, "OPEN", RECENTLY);
        post(address, QueueFixtures.device(Roles.KIOSK, site), second, allThrees()).statusCode(201);
    }

    @Test
    void anonymousAnswersAreLimitedPerClientAddress() {
        String site = QueueFixtures.openSite();
        String address = randomAddress();
        String token = invitation(site, null, null, "OPEN", RECENTLY);
        // Refused attempts count too: a flood of bad answers is throttled as well.
        for (int i = 0; i < 20; i++) {
            post(address, null, token, Map.of()).statusCode(400);
        }
        post(address, null, token, allThrees()).statusCode(429).body("code", equalTo("survey-rate-limited"));
        post(randomAddress(), null, token, allThrees()).statusCode(201);
    }
}
