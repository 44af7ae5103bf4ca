package id.satupintu.survey;

import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * The follow-up plan (rencana tindak lanjut) of a site's survey period: its supervisors (and admins) write it,
 * then publish it. Every write names the version it read; the statement itself checks it, so of two writes racing
 * on one version exactly one changes the row and the other gets 409 {@code survey-plan-version}.
 */
@ApplicationScoped
public class FollowUpPlans {

    static final int MAX_ITEMS = 50;
    static final int ACTION_MAX = 1000;
    static final int OWNER_MAX = 200;

    /** One item: the element (1 to 9) to improve, what is done, who does it and by when. */
    @Name("FollowUpPlanItem")
    public record Item(int element, String action, String owner, LocalDate deadline) {
    }

    /** A write: the version read (0 or absent to create) and the items. Types checked here, not by binding. */
    public record PlanInput(Object version, List<ItemInput> items) {
    }

    public record ItemInput(Object element, String action, String owner, String deadline) {
    }

    /** A publication: the version that was read and is to be published. */
    public record PublishInput(Object version) {
    }

    /** The plan as its supervisors see it: the draft and what is published (null until published). */
    @Name("FollowUpPlan")
    public record Plan(String site, LocalDate from, LocalDate to, int version, List<Item> items, OffsetDateTime updatedAt,
                       Integer publishedVersion, List<Item> publishedItems, OffsetDateTime publishedAt) {
    }

    /** The published plan, as the public report shows it. */
    @Name("PublishedFollowUpPlan")
    public record PublishedPlan(LocalDate from, LocalDate to, List<Item> items, OffsetDateTime publishedAt) {
    }

    private static final String COLUMNS = "site_code, period_from, period_to, items, version, updated_at, "
            + "published_items, published_version, published_at";
    private static final String GET = "select " + COLUMNS + " from survey_follow_up_plan "
            + "where site_code = $1 and period_from = $2 and period_to = $3";
    private static final String CREATE = "insert into survey_follow_up_plan (site_code, period_from, period_to, "
            + "items, version, updated_by, updated_at) values ($1, $2, $3, $4, 1, $5, now()) "
            + "on conflict do nothing returning " + COLUMNS;
    private static final String UPDATE = "update survey_follow_up_plan set items = $4, version = version + 1, "
            + "updated_by = $5, updated_at = now() where site_code = $1 and period_from = $2 and period_to = $3 "
            + "and version = $6 returning " + COLUMNS;
    private static final String PUBLISH = "update survey_follow_up_plan set published_items = items, "
            + "published_version = version, published_at = now() where site_code = $1 and period_from = $2 "
            + "and period_to = $3 and version = $4 returning " + COLUMNS;
    // The published plans whose period lies within the report's: a year's report shows its quarters' plans.
    private static final String PUBLISHED = "select period_from, period_to, published_items, published_at "
            + "from survey_follow_up_plan where site_code = $1 and published_items is not null "
            + "and period_from >= $2 and period_to <= $3 order by period_from, period_to";

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    /** A site and period named by a request, checked. */
    record Key(String site, LocalDate from, LocalDate to) {
    }

    public Uni<Plan> get(Caller caller, String site, String from, String to) {
        Key key = key(caller, site, from, to);
        return sites.find(key.site()).flatMap(profile -> pool.preparedQuery(GET).execute(params(key)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new ProblemException(404, "survey-plan-not-found", key.site(), key.from(), key.to());
                    }
                    return plan(rows.iterator().next());
                });
    }

    public Uni<Plan> write(Caller caller, String site, String from, String to, PlanInput input) {
        Key key = key(caller, site, from, to);
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            throw ProblemException.validation("items", "required");
        }
        int expected = version(input.version(), errors, true);
        JsonArray items = items(input.items(), errors);
        InputValidator.failIfAny(errors);
        return sites.find(key.site()).flatMap(profile -> expected == 0
                ? pool.preparedQuery(CREATE).execute(Tuple.of(key.site(), key.from(), key.to(), items, caller.id()))
                : pool.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {key.site(), key.from(), key.to(), items,
                        caller.id(), expected})))
                .flatMap(rows -> rows.iterator().hasNext() ? Uni.createFrom().item(plan(rows.iterator().next()))
                        : lost(key, expected));
    }

    public Uni<Plan> publish(Caller caller, String site, String from, String to, PublishInput input) {
        Key key = key(caller, site, from, to);
        List<FieldError> errors = new ArrayList<>();
        int expected = version(input == null ? null : input.version(), errors, false);
        InputValidator.failIfAny(errors);
        return sites.find(key.site())
                .flatMap(profile -> pool.preparedQuery(PUBLISH).execute(Tuple.of(key.site(), key.from(), key.to(),
                        expected)))
                .flatMap(rows -> rows.iterator().hasNext() ? Uni.createFrom().item(plan(rows.iterator().next()))
                        : lost(key, expected));
    }

    /** The published plans of the site within the period, for the public report. */
    Uni<List<PublishedPlan>> published(String siteCode, LocalDate first, LocalDate last) {
        return pool.preparedQuery(PUBLISHED).execute(Tuple.of(siteCode, first, last)).map(rows -> {
            List<PublishedPlan> out = new ArrayList<>();
            rows.forEach(row -> out.add(new PublishedPlan(row.getLocalDate("period_from"), row.getLocalDate("period_to"),
                    items(row.getJsonArray("published_items")), row.getOffsetDateTime("published_at"))));
            return out;
        });
    }

    /** No row changed: either there is no plan (404) or its version is not the one sent (409 naming the current). */
    private Uni<Plan> lost(Key key, int expected) {
        return pool.preparedQuery(GET).execute(params(key)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw new ProblemException(404, "survey-plan-not-found", key.site(), key.from(), key.to());
            }
            throw ProblemException.conflict("survey-plan-version", rows.iterator().next().getInteger("version"));
        });
    }

    private static Key key(Caller caller, String site, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        String siteCode = site == null || site.isBlank() ? null : site.trim();
        if (siteCode == null) {
            errors.add(FieldError.of("site", "required"));
        }
        LocalDate first = QueryParams.date("from", from, true, errors);
        LocalDate last = QueryParams.date("to", to, true, errors);
        if (first != null && last != null && first.isAfter(last)) {
            errors.add(FieldError.of("from", "survey-dates"));
        }
        InputValidator.failIfAny(errors);
        SuggestionModeration.requireModerator(caller, siteCode);
        return new Key(siteCode, first, last);
    }

    private static Tuple params(Key key) {
        return Tuple.of(key.site(), key.from(), key.to());
    }

    private static int version(Object value, List<FieldError> errors, boolean zeroAllowed) {
        if (value == null && zeroAllowed) {
            return 0;
        }
        if (value instanceof Integer v && (v > 0 || (zeroAllowed && v == 0))) {
            return v;
        }
        errors.add(FieldError.of("version", value == null ? "required" : "invalid"));
        return -1;
    }

    private static JsonArray items(List<ItemInput> items, List<FieldError> errors) {
        JsonArray out = new JsonArray();
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(FieldError.of("items", "survey-plan-items", MAX_ITEMS));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            ItemInput item = items.get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                errors.add(FieldError.of("items[" + i + "]", "required"));
                continue;
            }
            if (!(item.element() instanceof Integer e) || e < 1 || e > Ikm.ELEMENTS) {
                errors.add(FieldError.of(at + "element", "survey-element"));
            }
            String action = InputValidator.trimToNull(item.action());
            String owner = InputValidator.trimToNull(item.owner());
            if (action == null) {
                errors.add(FieldError.of(at + "action", "required"));
            }
            InputValidator.maxLength(errors, at + "action", action, ACTION_MAX);
            if (owner == null) {
                errors.add(FieldError.of(at + "owner", "required"));
            }
            InputValidator.maxLength(errors, at + "owner", owner, OWNER_MAX);
            LocalDate deadline = QueryParams.date(at + "deadline", item.deadline(), false, errors);
            if (deadline == null && (item.deadline() == null || item.deadline().isBlank())) {
                errors.add(FieldError.of(at + "deadline", "required"));
            }
            out.add(new JsonObject().put("element", item.element()).put("action", action).put("owner", owner)
                    .put("deadline", deadline == null ? null : deadline.toString()));
        }
        return out;
    }

    private static Plan plan(Row row) {
        JsonArray published = row.getJsonArray("published_items");
        return new Plan(row.getString("site_code"), row.getLocalDate("period_from"), row.getLocalDate("period_to"),
                row.getInteger("version"), items(row.getJsonArray("items")), row.getOffsetDateTime("updated_at"),
                row.getInteger("published_version"), published == null ? null : items(published),
                row.getOffsetDateTime("published_at"));
    }

    private static List<Item> items(JsonArray json) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonObject o = json.getJsonObject(i);
            out.add(new Item(o.getInteger("element"), o.getString("action"), o.getString("owner"),
                    LocalDate.parse(o.getString("deadline"))));
        }
        return out;
    }

}
