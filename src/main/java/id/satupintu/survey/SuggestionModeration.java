package id.satupintu.survey;

import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.web.QueryParams;
import id.satupintu.queue.QueueAccess;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Name;

/**
 * Moderation of the survey suggestions: hidden until a supervisor of the site (or an admin) publishes them; a
 * published suggestion is stored as a copy with personal data stripped ({@link PersonalData}), and only that copy
 * is ever shown publicly ({@link #published}).
 */
@ApplicationScoped
public class SuggestionModeration {

    /** State of one suggestion: PENDING has no decision row yet. */
    @Name("SuggestionState")
    public enum State { PENDING, PUBLISHED, HIDDEN }

    /** One suggestion as its site's supervisors see it: the original text and, once published, the public copy. */
    @Name("SurveySuggestion")
    public record Suggestion(UUID id, OffsetDateTime answeredAt, String agency, String service, String text,
                             State state, String publishedText, OffsetDateTime decidedAt) {
    }

    /** A published suggestion as the public report shows it: the stripped copy only. */
    @Name("PublishedSuggestion")
    public record Published(OffsetDateTime answeredAt, String agency, String service, String text) {
    }

    private static final String LIST = "select r.invitation_id, r.answered_at, i.agency_code, i.service_code, "
            + "r.suggestion, s.state, s.published_text, s.decided_at "
            + "from survey_response r join survey_invitation i on i.id = r.invitation_id "
            + "left join survey_suggestion s on s.invitation_id = r.invitation_id "
            + "where i.site_code = $1 and i.ended_at >= $2 and i.ended_at < $3 and r.suggestion is not null "
            + "and ($4::text is null or coalesce(s.state, 'PENDING') = $4) order by r.answered_at, r.invitation_id";

    private static final String PUBLISHED = "select r.answered_at, i.agency_code, i.service_code, s.published_text "
            + "from survey_suggestion s join survey_response r on r.invitation_id = s.invitation_id "
            + "join survey_invitation i on i.id = s.invitation_id "
            + "where s.state = 'PUBLISHED' and i.site_code = $1 and i.ended_at >= $2 and i.ended_at < $3 "
            + "and ($4::text is null or i.agency_code = $4) and ($5::text is null or i.service_code = $5) "
            + "order by r.answered_at, r.invitation_id";

    private static final String ONE = "select r.invitation_id, r.answered_at, i.agency_code, i.service_code, "
            + "r.suggestion, s.state, s.published_text, s.decided_at "
            + "from survey_response r join survey_invitation i on i.id = r.invitation_id "
            + "left join survey_suggestion s on s.invitation_id = r.invitation_id where r.invitation_id = $1";

    private static final String FIND = "select i.site_code, r.suggestion from survey_response r "
            + "join survey_invitation i on i.id = r.invitation_id where r.invitation_id = $1";

    // A second decision replaces the first (publish after hide, hide after publish): the last word stands.
    private static final String DECIDE = "insert into survey_suggestion (invitation_id, state, published_text, "
            + "decided_by, decided_at) values ($1, $2, $3, $4, now()) on conflict (invitation_id) do update set "
            + "state = excluded.state, published_text = excluded.published_text, decided_by = excluded.decided_by, "
            + "decided_at = excluded.decided_at";

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    /** The site's suggestions of a period (its local dates, inclusive), optionally of one state. */
    public Uni<List<Suggestion>> list(Caller caller, String site, String from, String to, String state) {
        String siteCode = IkmService.blankToNull(site);
        if (siteCode == null) {
            throw ProblemException.validation("site", "required");
        }
        requireModerator(caller, siteCode);
        LocalDate first = QueryParams.parseDate("from", from);
        LocalDate last = QueryParams.parseDate("to", to);
        State wanted = state(state);
        if (first == null) {
            throw ProblemException.validation("from", "required");
        }
        if (last == null) {
            throw ProblemException.validation("to", "required");
        }
        if (first.isAfter(last)) {
            throw ProblemException.validation("from", "survey-dates");
        }
        return sites.find(siteCode).flatMap(profile -> pool.preparedQuery(LIST)
                .execute(Tuple.of(siteCode, start(first, profile.zone()), start(last.plusDays(1), profile.zone()),
                        wanted == null ? null : wanted.name()))
                .map(rows -> {
                    List<Suggestion> out = new ArrayList<>();
                    rows.forEach(row -> out.add(suggestion(row)));
                    return out;
                }));
    }

    /** Publishes (a stripped copy) or hides one suggestion; 404 for an unknown id, 403 for another site's. */
    public Uni<Suggestion> decide(Caller caller, String id, State state) {
        UUID invitation = parse(id);
        return pool.preparedQuery(FIND).execute(Tuple.of(invitation)).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ProblemException.notFound("suggestion", id);
            }
            Row row = rows.iterator().next();
            String text = row.getString("suggestion");
            if (text == null) {
                // An answer without a suggestion has nothing to moderate: as unknown as a missing one.
                throw ProblemException.notFound("suggestion", id);
            }
            String siteCode = row.getString("site_code");
            requireModerator(caller, siteCode == null ? "" : siteCode);
            String copy = state == State.PUBLISHED ? PersonalData.strip(text) : null;
            return pool.preparedQuery(DECIDE)
                    .execute(Tuple.of(invitation, state.name(), copy, caller.id()))
                    .flatMap(done -> pool.preparedQuery(ONE).execute(Tuple.of(invitation)))
                    .map(result -> suggestion(result.iterator().next()));
        });
    }

    /** The published (stripped) suggestions of a site's period, for the public report. */
    Uni<List<Published>> published(String siteCode, ZoneId zone, String agency, String service, LocalDate first,
                                   LocalDate last) {
        return pool.preparedQuery(PUBLISHED)
                .execute(Tuple.of(siteCode, start(first, zone), start(last.plusDays(1), zone), agency, service))
                .map(rows -> {
                    List<Published> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new Published(row.getOffsetDateTime("answered_at"),
                            row.getString("agency_code"), row.getString("service_code"),
                            row.getString("published_text"))));
                    return out;
                });
    }

    /**
     * The one rule for "a supervisor of the site, or an admin" (the queue's site manager rule, which the indicators
     * apply too): reused, not written again.
     */
    static void requireModerator(Caller caller, String siteCode) {
        QueueAccess.requireSiteManager(caller, siteCode);
    }

    private static Suggestion suggestion(Row row) {
        String state = row.getString("state");
        return new Suggestion(row.getUUID("invitation_id"), row.getOffsetDateTime("answered_at"),
                row.getString("agency_code"), row.getString("service_code"), row.getString("suggestion"),
                state == null ? State.PENDING : State.valueOf(state), row.getString("published_text"),
                row.getOffsetDateTime("decided_at"));
    }

    private static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("suggestion", id);
        }
    }

    private static State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("state", "invalid-format");
        }
    }
}
