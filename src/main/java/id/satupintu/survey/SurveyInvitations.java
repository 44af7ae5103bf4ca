package id.satupintu.survey;

import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.survey.SurveyLinks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The survey feature's side of {@link SurveyLinks}: the invitation of a transaction as its holder's view shows
 * it. The invitation is opened by the database when the transaction ends (V37's trigger on the event it
 * writes); the first view of a transaction stores its token's hash (survey_token), since only a view hands a
 * token out: whoever holds a token, the database can find it. Two statements at most per view or list.
 */
@ApplicationScoped
public class SurveyInvitations implements SurveyLinks {

    /** Each subject's invitation if it has ended, and whether its token is stored: $1 ids, $2 token hashes. */
    private static final String READ = "select x.id, x.h, i.state, i.ended_at, "
            + "exists (select 1 from survey_token t where t.token_hash = x.h) as stored "
            + "from unnest($1::uuid[], $2::text[], $3::text[]) as x(id, h, k) "
            + "left join survey_invitation i on i.kind = x.k and i.transaction_id = x.id";

    private static final String STORE = """
            insert into survey_token (token_hash, kind, transaction_id, site_code, agency_code, service_code)
            select x.h, x.k, x.t, x.s, coalesce(x.a, (select agency_code from catalog_service_agency where code = x.sv)),
                   x.sv
            from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(k, t, s, a, sv, h)
            on conflict (token_hash) do nothing""";

    @Inject
    Pool pool;

    @Inject
    SurveyTokens tokens;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    @Override
    public Uni<Link> link(Subject subject) {
        return links(List.of(subject)).map(found -> found.get(subject.id()));
    }

    @Override
    public Uni<Map<UUID, Link>> links(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int n = subjects.size();
        String[] kinds = new String[n];
        UUID[] ids = new UUID[n];
        String[] sites = new String[n];
        String[] agencies = new String[n];
        String[] services = new String[n];
        String[] hashes = new String[n];
        Map<UUID, String> tokenOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Subject s = subjects.get(i);
            String token = tokens.token(s.kind(), s.id());
            tokenOf.put(s.id(), token);
            kinds[i] = s.kind().name();
            ids[i] = s.id();
            sites[i] = s.siteCode();
            agencies[i] = s.agencyCode();
            services[i] = s.serviceCode();
            hashes[i] = SurveyTokens.hash(token);
        }
        return pool.preparedQuery(READ).execute(Tuple.of(ids, hashes, kinds)).flatMap(rows -> {
            Map<UUID, String> states = new HashMap<>();
            boolean unstored = false;
            for (Row row : rows) {
                String stored = row.getString("state");
                if (stored != null) {
                    states.put(row.getUUID("id"), state(stored, row.getOffsetDateTime("ended_at")));
                }
                unstored |= !row.getBoolean("stored");
            }
            Map<UUID, Link> links = new HashMap<>();
            for (Subject s : subjects) {
                String token = tokenOf.get(s.id());
                String state = states.getOrDefault(s.id(), s.ended() ? "OPEN" : "PENDING");
                links.put(s.id(), new Link(token, config.survey().pageUrl() + token, state));
            }
            if (!unstored) {
                return Uni.createFrom().item(links);
            }
            // Stored before the token leaves in the answer: whoever holds one can then be found.
            return pool.preparedQuery(STORE).execute(Tuple.of(kinds, ids, sites, agencies, services, hashes))
                    .replaceWith(links);
        });
    }

    /** EXPIRED is OPEN past its answering window: not stored, so changing the window changes it at once. */
    String state(String stored, OffsetDateTime endedAt) {
        return "OPEN".equals(stored) && expired(endedAt, clock.now()) ? "EXPIRED" : stored;
    }

    boolean expired(OffsetDateTime endedAt, Instant now) {
        return endedAt != null
                && !now.isBefore(endedAt.toInstant().plus(Duration.ofDays(config.survey().expiresAfterDays())));
    }

}
