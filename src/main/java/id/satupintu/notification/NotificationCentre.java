package id.satupintu.notification;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
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
        return pool.preparedQuery(sql).execute(Tuple.of(account, after, limit + 1)).map(rows -> {
            List<NotificationView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(view(row, locale)));
            return Page.of(views, limit, view -> Cursor.encode(Long.toString(view.id())));
        });
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
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("notification", id);
                    }
                    return view(rows.iterator().next(), locale);
                });
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

    NotificationView view(Row row, Locale locale) {
        JsonObject params = json(row.getValue("params"));
        String template = row.getString("template");
        return new NotificationView(row.getLong("id"), template, text(template, params, locale), subject(params),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("read_at") != null,
                row.getOffsetDateTime("read_at"));
    }

    /** The code of what a notification is about, for an app to open it. */
    static String subject(JsonObject params) {
        for (String key : List.of("trackingNumber", "trackingCode", "number")) {
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
