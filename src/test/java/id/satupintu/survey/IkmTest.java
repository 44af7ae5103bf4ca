package id.satupintu.survey;

import static id.satupintu.survey.SurveyFixtures.EXACT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.PinnedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published index: arithmetic with weight exactly 1/9, the grade bands, the sample target, the period. */
@QuarkusTest
class IkmTest {

    /** Noon at the site (WIB) on the day. */
    static OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atOffset(ZoneOffset.ofHours(7));
    }

    static ValidatableResponse ikm(String site, LocalDate from, LocalDate to) {
        return given().config(EXACT).queryParam("site", site).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/ikm").then();
    }

    @Test
    void twentyNineRespondentsAnsweringThroughTheApiGiveTheWorkedExample() {
        String site = QueueFixtures.openSite();
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        long[] totals = {105, 101, 100, 116, 102, 105, 106, 105, 115};
        int[][] scores = SurveyFixtures.spread(29, totals);
        LocalDate day = LocalDate.of(2026, 3, 2);
        // Answered the day after: within the 30 days a survey stays open, whatever day the suite runs on.
        PinnedClock.pin(noon(day).plusDays(1).toInstant());
        for (int[] row : scores) {
            String token = SurveyFixtures.invitation(site, null, null, "OPEN", noon(day));
            SurveyFixtures.from(SurveyFixtures.randomAddress(), kiosk).body(SurveyFixtures.answer(row))
                    .post("/api/v1/surveys/" + token + "/response").then().statusCode(201);
        }
        // 25 × (955 / 29) / 9 = 91.475..., so 91.48; with a weight of 0.111 it would be 91.38.
        ikm(site, day, day).statusCode(200)
                .body("site", equalTo(site)).body("from", equalTo("2026-03-02")).body("to", equalTo("2026-03-02"))
                .body("respondents", equalTo(29)).body("population", equalTo(29))
                .body("ikm", equalTo(new BigDecimal("91.48"))).body("grade", equalTo("A"))
                .body("gradeLabel", equalTo("Sangat Baik"))
                .body("elements[3].element", equalTo(4)).body("elements[3].name", equalTo("Biaya/tarif"))
                .body("elements[3].nrr", equalTo(new BigDecimal("4.0000")))
                .body("elements[3].ikm", equalTo(new BigDecimal("100.00")))
                .body("elements[2].nrr", equalTo(new BigDecimal("3.4483")))
                .body("elements[2].grade", equalTo("B"))
                .body("sampleTarget", equalTo(28)).body("sampleMet", equalTo(true));
        given().header("Accept-Language", "en").queryParam("site", site).queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/v1/ikm").then().statusCode(200)
                .body("gradeLabel", equalTo("Very good")).body("elements[0].name", equalTo("Requirements"));
        // The day before and after hold nothing of it.
        ikm(site, day.minusDays(1), day.minusDays(1)).statusCode(200).body("respondents", equalTo(0))
                .body("population", equalTo(0)).body("ikm", nullValue()).body("grade", nullValue())
                .body("sampleMet", equalTo(false));
    }

    @Test
    void gradeBoundariesFallOnTheRoundedIndex() {
        String site = QueueFixtures.openSite();
        // respondents, sum of all their scores, the index that gives, its grade
        List<Object[]> cases = new ArrayList<>(List.of(
                new Object[] {19, 604, "88.30", "B"}, new Object[] {24, 763, "88.31", "A"},
                new Object[] {26, 717, "76.60", "C"}, new Object[] {19, 524, "76.61", "B"},
                new Object[] {5, 117, "65.00", "C"}, new Object[] {38, 889, "64.99", "D"}));
        LocalDate day = LocalDate.of(2026, 4, 1);
        for (Object[] c : cases) {
            SurveyFixtures.answered(site, (int) c[0], SurveyFixtures.overall((int) c[0], (int) c[1]), noon(day));
            ikm(site, day, day).statusCode(200).body("respondents", equalTo(c[0]))
                    .body("ikm", equalTo(new BigDecimal((String) c[2]))).body("grade", equalTo(c[3]));
            day = day.plusDays(1);
        }
        ikm(site, LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 5))
                .body("gradeLabel", equalTo("Kurang Baik"));
        ikm(site, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 6))
                .body("gradeLabel", equalTo("Tidak Baik"));
    }

    @Test
    void theSampleTargetComesFromTheKrejcieMorganTable() {
        String site = QueueFixtures.openSite();
        Map<Integer, Integer> expected = Map.of(100, 80, 1000, 278, 10000, 370, 101, 86, 7, 7);
        LocalDate day = LocalDate.of(2026, 5, 4);
        for (Map.Entry<Integer, Integer> c : expected.entrySet()) {
            SurveyFixtures.population(site, c.getKey(), noon(day));
            ikm(site, day, day).statusCode(200).body("population", equalTo(c.getKey()))
                    .body("sampleTarget", equalTo(c.getValue())).body("sampleMet", equalTo(false))
                    .body("respondents", equalTo(0));
            day = day.plusDays(1);
        }
    }

    @Test
    void datesAreTheSitesOwnLocalDates() {
        String site = QueueFixtures.site("Asia/Jayapura", true);
        LocalDate day = LocalDate.of(2026, 6, 10);
        // 23:30 WIT on the 10th is 14:30 UTC; 00:30 WIT on the 11th is 15:30 UTC on the 10th.
        SurveyFixtures.population(site, 1, day.atTime(23, 30).atOffset(ZoneOffset.ofHours(9)));
        SurveyFixtures.population(site, 2, day.plusDays(1).atTime(0, 30).atOffset(ZoneOffset.ofHours(9)));
        ikm(site, day, day).body("population", equalTo(1));
        ikm(site, day.plusDays(1), day.plusDays(1)).body("population", equalTo(2));
        ikm(site, day, day.plusDays(1)).body("population", equalTo(3));
    }

    @Test
    void badQueriesAreRefused() {
        given().get("/api/v1/ikm").then().statusCode(400).body("errors[0].field", equalTo("site"));
        given().queryParam("site", "NO-SUCH-SITE").get("/api/v1/ikm").then().statusCode(404);
        String site = QueueFixtures.openSite();
        given().queryParam("site", site).queryParam("from", "2026-13-01").get("/api/v1/ikm").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("site", site).queryParam("from", "2026-02-02").queryParam("to", "2026-02-01")
                .get("/api/v1/ikm").then().statusCode(400).body("errors[0].code", equalTo("survey-dates"));
    }
}
