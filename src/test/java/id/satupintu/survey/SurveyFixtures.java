package id.satupintu.survey;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Invitations and answers written straight into the tables, for the index tests that need hundreds of them
 * (the answering path itself is tested through HTTP), and request helpers. An invitation seeded here has a token
 * of its own: the lookup is by the token's hash, whatever made the token.
 */
final class SurveyFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** JSON numbers read as BigDecimal, so 91.48 is compared as written. */
    static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private SurveyFixtures() {
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An invitation of the site in the state, ended at endedAt (null: PENDING); its token. */
    static String invitation(String site, String agency, String service, String state, OffsetDateTime endedAt) {
        String token = newToken();
        UUID transaction = UUID.randomUUID();
        sql("insert into survey_token (token_hash, kind, transaction_id, site_code, agency_code, service_code) "
                + "values ($1, 'TICKET', $2, $3, $4, $5)", hash(token), transaction, site, agency, service);
        if (!"PENDING".equals(state)) {
            sql("insert into survey_invitation (kind, transaction_id, site_code, agency_code, service_code, state, "
                    + "ended_at) values ('TICKET', $1, $2, $3, $4, $5, $6)", transaction, site, agency, service, state,
                    endedAt);
        }
        return token;
    }

    /** {@code population} ended invitations of the site at endedAt, none answered. */
    static void population(String site, int population, OffsetDateTime endedAt) {
        sql("insert into survey_invitation (kind, transaction_id, site_code, state, ended_at) "
                + "select 'TICKET', gen_random_uuid(), $1, 'OPEN', $3 from generate_series(1, $2::int)",
                site, population, endedAt);
    }

    /**
     * {@code respondents} answered invitations of the site at endedAt whose scores add up to {@code totals[e]}
     * for each element e: every score starts at 1 and the rest is handed out up to 4.
     */
    static void answered(String site, int respondents, long[] totals, OffsetDateTime endedAt) {
        int[][] scores = spread(respondents, totals);
        for (int[] row : scores) {
            UUID id = UUID.randomUUID();
            sql("insert into survey_invitation (id, kind, transaction_id, site_code, state, ended_at) "
                    + "values ($1, 'TICKET', $1, $2, 'ANSWERED', $3)", id, site, endedAt);
            sql("insert into survey_response (invitation_id, answered_at, answered_via, u1, u2, u3, u4, u5, u6, u7, "
                    + "u8, u9) values ($1, $2, 'anonymous', $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    id, endedAt, (short) row[0], (short) row[1], (short) row[2], (short) row[3], (short) row[4],
                    (short) row[5], (short) row[6], (short) row[7], (short) row[8]);
        }
    }

    /** The same total S spread over the nine elements (as evenly as the scores allow). */
    static long[] overall(int respondents, long sum) {
        long[] totals = new long[9];
        for (int e = 0; e < 9; e++) {
            totals[e] = sum / 9 + (e < sum % 9 ? 1 : 0);
        }
        return totals;
    }

    static int[][] spread(int respondents, long[] totals) {
        int[][] scores = new int[respondents][9];
        for (int e = 0; e < 9; e++) {
            long left = totals[e] - respondents;
            if (left < 0 || left > 3L * respondents) {
                throw new IllegalArgumentException("element " + (e + 1) + " cannot total " + totals[e]);
            }
            for (int r = 0; r < respondents; r++) {
                int add = (int) Math.min(3, left);
                scores[r][e] = 1 + add;
                left -= add;
            }
        }
        return scores;
    }

    /** An answer body giving each element the score in scores (element i + 1). */
    static Map<String, Object> answer(int... scores) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            answers.add(Map.of("element", i + 1, "score", scores[i]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        body.put("respondent", Map.of("sex", "P", "age", 34, "education", "S1", "occupation", "SWASTA"));
        body.put("suggestion", "Ruang tunggu nyaman.");
        return body;
    }

    static Map<String, Object> allThrees() {
        return answer(3, 3, 3, 3, 3, 3, 3, 3, 3);
    }

    /** A request from an address of its own, with a token when one is given. */
    static RequestSpecification from(String address, String token) {
        RequestSpecification spec = given().config(EXACT).header("X-Forwarded-For", address)
                .contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String statement, Object... params) {
        Arc.container().instance(Pool.class).get().preparedQuery(statement).execute(Tuple.from(params))
                .await().atMost(Duration.ofSeconds(30));
    }
}
