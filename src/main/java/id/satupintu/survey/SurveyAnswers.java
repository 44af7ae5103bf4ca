package id.satupintu.survey;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reading a survey by its token and answering it: the one place the rules of who answers, what an answer must
 * hold and "once per transaction" live; REST and GraphQL both call it.
 */
@ApplicationScoped
public class SurveyAnswers {

    /** Devices that may send an answer for the person in front of them. */
    private static final List<String> DEVICES = List.of(Roles.KIOSK, Roles.COUNTER_TABLET);

    private static final String ANSWER = "insert into survey_response (invitation_id, answered_at, answered_via, "
            + "u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age, education, occupation, suggestion) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

    @Inject
    Pool pool;

    @Inject
    SurveyInvitations invitations;

    @Inject
    SurveyConfig config;

    @Inject
    RateLimits limits;

    @Inject
    SurveyPlaces places;

    @Inject
    SurveyElements elements;

    @Inject
    Clock clock;

    /** The questionnaire of the token's transaction; 404 survey-not-found for a token nobody was given. */
    public Uni<Questionnaire> questionnaire(String token, Locale locale) {
        return find(token).flatMap(invitation -> places.of(invitation, locale).map(p -> new Questionnaire(
                invitations.state(invitation.state(), invitation.endedAt()), p.site(), p.agency(), p.service(),
                elements.elements(locale), elements.profile(locale), config.survey().suggestionMaxLength())));
    }

    /**
     * Records the one answer of the token's transaction. {@code caller} is null for someone not signed in;
     * {@code clientAddress} counts the answers of everyone but API clients (devices are limited per client, as
     * every call of theirs). 403 for staff and for clients that are not a device of the transaction's site;
     * 404 for an unknown or expired token; 409 before the service ended and once answered.
     */
    public Uni<SurveyReceipt> answer(Caller caller, String token, SurveyResponseInput input, String clientAddress) {
        boolean device = requireAnswerer(caller);
        Instant now = clock.now();
        Uni<Void> limited = device ? Uni.createFrom().voidItem()
                : limits.hit(new RateLimits.Limit("survey", config.survey().rateLimit().perAddress(),
                        Duration.ofMinutes(config.survey().rateLimit().windowMinutes()), "survey-rate-limited"),
                        clientAddress == null ? "unknown" : clientAddress, now);
        return limited.flatMap(ignored -> {
            Checked answer = check(input);
            return find(token).flatMap(invitation -> {
                if (device && !caller.siteCode().equals(invitation.siteCode())) {
                    throw new ProblemException(403, "survey-other-site");
                }
                switch (invitations.state(invitation.state(), invitation.endedAt())) {
                    case "PENDING" -> throw ProblemException.conflict("survey-not-open");
                    case "ANSWERED" -> throw ProblemException.conflict("survey-already-answered");
                    case "EXPIRED" -> throw new ProblemException(404, "survey-expired");
                    default -> {
                    }
                }
                return store(invitation, answer, via(caller), now);
            });
        });
    }

    private Uni<SurveyReceipt> store(Invitation invitation, Checked a, String via, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Object[] values = new Object[17];
        values[0] = invitation.id();
        values[1] = at;
        values[2] = via;
        for (int e = 0; e < Ikm.ELEMENTS; e++) {
            values[3 + e] = (short) a.scores[e];
        }
        values[12] = a.sex;
        values[13] = a.age == null ? null : a.age.shortValue();
        values[14] = a.education;
        values[15] = a.occupation;
        values[16] = a.suggestion;
        // No lock taken first: of answers racing, every insert but one fails on the primary key.
        return pool.withTransaction(tx -> tx.preparedQuery(ANSWER).execute(Tuple.from(values))
                        .flatMap(done -> tx.preparedQuery("update survey_invitation set state = 'ANSWERED' where id = $1")
                                .execute(Tuple.of(invitation.id()))))
                .onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(failure -> ProblemException.conflict("survey-already-answered"))
                .map(done -> new SurveyReceipt("ANSWERED", at));
    }

    /** Whether the caller answers as a device; refuses staff and every other client. */
    private static boolean requireAnswerer(Caller caller) {
        if (caller == null) {
            return false;
        }
        if (caller.client()) {
            if (DEVICES.stream().noneMatch(caller::hasRole) || caller.siteCode() == null) {
                throw new ProblemException(403, "survey-device-only");
            }
            return true;
        }
        if (caller.isStaff()) {
            // The tablet at the counter is a device of its own, not the account of the officer who served.
            throw new ProblemException(403, "survey-staff-cannot-answer");
        }
        return false;
    }

    private static String via(Caller caller) {
        if (caller == null) {
            return "anonymous";
        }
        return caller.client() ? "device:" + caller.id() : "citizen";
    }

    Uni<Invitation> find(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            return Uni.createFrom().failure(new ProblemException(404, "survey-not-found"));
        }
        return pool.preparedQuery(Invitation.BY_TOKEN)
                .execute(Tuple.of(SurveyTokens.hash(token)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new ProblemException(404, "survey-not-found");
                    }
                    return Invitation.of(rows.iterator().next());
                });
    }

    /** An answer that passed every check. */
    private record Checked(int[] scores, String sex, Integer age, String education, String occupation,
                           String suggestion) {
    }

    private Checked check(SurveyResponseInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        int[] scores = new int[Ikm.ELEMENTS];
        if (input.answers() == null) {
            errors.add(FieldError.of("answers", "required"));
        } else {
            for (int i = 0; i < input.answers().size(); i++) {
                SurveyResponseInput.AnswerInput answer = input.answers().get(i);
                String field = "answers[" + i + "]";
                if (answer == null) {
                    errors.add(FieldError.of(field, "required"));
                    continue;
                }
                Integer element = integer(errors, field + ".element", answer.element(), 1, Ikm.ELEMENTS, "survey-element");
                Integer score = integer(errors, field + ".score", answer.score(), 1, 4, "survey-score");
                if (element != null && score != null) {
                    if (scores[element - 1] != 0) {
                        errors.add(FieldError.of(field + ".element", "survey-element-repeated", element));
                    }
                    scores[element - 1] = score;
                }
            }
            if (errors.isEmpty()) {
                String missing = IntStream.rangeClosed(1, Ikm.ELEMENTS).filter(e -> scores[e - 1] == 0)
                        .mapToObj(Integer::toString).collect(Collectors.joining(", "));
                if (!missing.isEmpty()) {
                    errors.add(FieldError.of("answers", "survey-elements-missing", missing));
                }
            }
        }
        SurveyResponseInput.Respondent r = input.respondent();
        String sex = null;
        Integer age = null;
        String education = null;
        String occupation = null;
        if (r != null) {
            sex = option(errors, "respondent.sex", r.sex(), SurveyElements.SEX);
            // Every profile field is optional on its own: a respondent who gives only their sex gives no age.
            age = r.age() == null ? null
                    : integer(errors, "respondent.age", r.age(), SurveyElements.AGE_MIN, SurveyElements.AGE_MAX, null);
            education = option(errors, "respondent.education", r.education(), SurveyElements.EDUCATION);
            occupation = option(errors, "respondent.occupation", r.occupation(), SurveyElements.OCCUPATION);
        }
        String suggestion = InputValidator.trimToNull(input.suggestion());
        InputValidator.maxLength(errors, "suggestion", suggestion, config.survey().suggestionMaxLength());
        InputValidator.failIfAny(errors);
        return new Checked(scores, sex, age, education, occupation, suggestion);
    }

    /**
     * A whole JSON number in [min, max], or null (with the error added) when it is absent, of another type, or
     * out of range; {@code rangeCode} null reports the range as the platform's min and max.
     */
    private static Integer integer(List<FieldError> errors, String field, Object value, int min, int max,
                                   String rangeCode) {
        if (value == null) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
            errors.add(FieldError.of(field, "wrong-type"));
            return null;
        }
        long n = value instanceof java.math.BigInteger big ? (big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE)
                : ((Number) value).longValue();
        if (n < min || n > max) {
            errors.add(rangeCode != null ? FieldError.of(field, rangeCode)
                    : FieldError.of(field, n < min ? "min" : "max", n < min ? min : max));
            return null;
        }
        return (int) n;
    }

    /** One of the options (exactly as listed), or null when absent. */
    private static String option(List<FieldError> errors, String field, String value, List<String> options) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!options.contains(trimmed)) {
            errors.add(FieldError.of(field, "survey-option", String.join(", ", options)));
            return null;
        }
        return trimmed;
    }

}
