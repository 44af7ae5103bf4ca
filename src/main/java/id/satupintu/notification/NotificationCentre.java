package id.satupintu.notification;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.survey.SurveyLinks;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A citizen's notification centre: their notifications, newest first (keyset paged by id), all or the unread
 * ones, marking read, and the name of their live stream. Only the account's own: another account's
 * notification is "not found", as if it did not exist. Every channel (REST, GraphQL, SSE) comes here.
 */
@ApplicationScoped
public class NotificationCentre {

    private static final String COLUMNS = "select id, template, params, created_at, read_at from notification ";

    @Inject
    Pool pool;

    @Inject
    Messages messages;

    @Inject
    SurveyLinks surveys;

    @Inject
    NotificationConfig config;

    /** The account a caller's notifications belong to: a citizen's own; 403 for staff and API clients. */
    static UUID account(Caller caller) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "notification-citizen-only");
        }
        return caller.uuid().orElseThrow(() -> new ProblemException(403, "notification-citizen-only"));
    }

    /** The live stream of the caller's notifications ({@code notification.created} events). */
    public static String streamOf(Caller caller) {
        return "notifications:" + account(caller);
    }

    public Uni<Page<NotificationView>> list(Caller caller, String cursor, int limit, boolean unreadOnly, Locale locale) {
        UUID account = account(caller);
        long after = afterId(cursor);
        String sql = COLUMNS + "where account_id = $1 and id < $2" + (unreadOnly ? " and read_at is null" : "")
                + " order by id desc limit $3";
        return pool.preparedQuery(sql).execute(Tuple.of(account, after, limit + 1)).flatMap(this::stored)
                .map(views -> Page.of(views.stream().map(v -> view(v, locale)).toList(), limit,
                        view -> Cursor.encode(Long.toString(view.id()))));
    }

    /** How many of the caller's notifications are unread (the badge of an app). */
    public Uni<Long> unread(Caller caller) {
        return pool.preparedQuery("select count(*) from notification where account_id = $1 and read_at is null")
                .execute(Tuple.of(account(caller))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks one notification read (again: it stays read at its first time); 404 when it is not the caller's. */
    public Uni<NotificationView> markRead(Caller caller, String id, Locale locale) {
        UUID account = account(caller);
        long number = parseId(id);
        return pool.preparedQuery("update notification set read_at = coalesce(read_at, now()) "
                        + "where id = $1 and account_id = $2 returning id, template, params, created_at, read_at")
                .execute(Tuple.of(number, account))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("notification", id);
                    }
                    return stored(rows);
                }).map(views -> view(views.get(0), locale));
    }

    /** Marks every notification of the caller read; the number that were unread. */
    public Uni<Integer> markAllRead(Caller caller) {
        return pool.preparedQuery("update notification set read_at = now() where account_id = $1 and read_at is null")
                .execute(Tuple.of(account(caller))).map(rows -> rows.rowCount());
    }

    /** The text of a notification's template in this language, as the centre and the channels show it. */
    String text(String template, JsonObject params, Locale locale) {
        return Template.of(template).map(t -> t.render(messages, locale, params)).orElse(template);
    }

    /** The text of a notification in this language, its links derived first. */
    Uni<String> textOf(String template, JsonObject params, Locale locale) {
        return linked(List.of(params)).map(linked -> text(template, linked.get(0), locale));
    }

    /** A notification as its citizen reads it, its links derived first (live streams: one at a time). */
    Uni<NotificationView> viewOf(long id, String template, JsonObject params, OffsetDateTime createdAt,
                                 OffsetDateTime readAt, Locale locale) {
        return linked(List.of(params)).map(linked -> view(new Stored(id, template, linked.get(0), createdAt, readAt), locale));
    }

    /**
     * The parameters with their links: a survey invitation's notification names its transaction, never its
     * token (tokens are stored only hashed), so its page and token are asked of the survey, which stores the
     * token's hash as every view handing one out does, so the link works when followed. In one batch.
     */
    Uni<List<JsonObject>> linked(List<JsonObject> params) {
        List<SurveyLinks.Subject> subjects = new ArrayList<>();
        for (JsonObject p : params) {
            JsonObject survey = p.getJsonObject("survey");
            if (survey != null) {
                subjects.add(new SurveyLinks.Subject(SurveyLinks.Kind.valueOf(survey.getString("kind")),
                        UUID.fromString(survey.getString("id")), survey.getString("siteCode"),
                        survey.getString("agencyCode"), survey.getString("serviceCode"), true));
            }
        }
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(params);
        }
        return surveys.links(subjects).map(links -> params.stream().map(p -> {
            JsonObject survey = p.getJsonObject("survey");
            SurveyLinks.Link link = survey == null ? null : links.get(UUID.fromString(survey.getString("id")));
            return link == null ? p : p.copy().put("url", absolute(link.url())).put("token", link.token());
        }).toList());
    }

    /** A link as a text message must carry it: whole, with the configured base before a path. */
    private String absolute(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return config.notifications().linkBase().map(base -> base.replaceAll("/+$", "") + url).orElse(url);
    }

    private Uni<List<Stored>> stored(Iterable<Row> rows) {
        List<Stored> read = new ArrayList<>();
        rows.forEach(row -> read.add(new Stored(row.getLong("id"), row.getString("template"),
                json(row.getValue("params")), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("read_at"))));
        return linked(read.stream().map(Stored::params).toList()).map(linked -> {
            List<Stored> views = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                Stored r = read.get(i);
                views.add(new Stored(r.id(), r.template(), linked.get(i), r.createdAt(), r.readAt()));
            }
            return views;
        });
    }

    private NotificationView view(Stored s, Locale locale) {
        return new NotificationView(s.id(), s.template(), text(s.template(), s.params(), locale), subject(s.params()),
                s.createdAt(), s.readAt() != null, s.readAt());
    }

    /** A notification as stored, or with its parameters linked. */
    private record Stored(long id, String template, JsonObject params, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    /** The code of what a notification is about, for an app to open it (a survey's: its token; a booking's: its id). */
    static String subject(JsonObject params) {
        for (String key : List.of("trackingNumber", "trackingCode", "number", "token", "bookingId")) {
            if (params.getValue(key) != null) {
                return String.valueOf(params.getValue(key));
            }
        }
        return null;
    }

    static JsonObject json(Object value) {
        return value instanceof JsonObject object ? object : new JsonObject(String.valueOf(value));
    }

    /** A notification id is a positive whole number; anything else is unknown (404), not a server error. */
    private static long parseId(String id) {
        try {
            long number = Long.parseLong(id);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException notANumber) {
            // falls through to the 404 below
        }
        throw ProblemException.notFound("notification", id == null ? "" : id);
    }

    private static long afterId(String cursor) {
        List<String> keys = Cursor.decode(cursor, 1);
        if (keys.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(keys.get(0));
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-cursor");
        }
    }
}
