package id.satupintu.identity;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Reads the audit log of API clients' calls for administrators: newest first, filtered, keyset-paged. */
@ApplicationScoped
class ClientCalls {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            SubscriptionAuth.OPERATION);

    /** What an administrator may filter on; every field optional. */
    public record Filter(String clientId, Integer status, String method, OffsetDateTime since, OffsetDateTime until,
                         String pathPrefix) {
    }

    @Inject
    Pool pool;
    @Inject
    ApiClientService clients;

    public Uni<Page<ClientCallView>> list(Filter filter, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        long afterId;
        try {
            afterId = after.isEmpty() ? Long.MAX_VALUE : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-cursor");
        }
        if (filter.status() != null && (filter.status() < 100 || filter.status() > 599)) {
            throw ProblemException.validation("status", "invalid", filter.status());
        }
        String method = filter.method() == null ? null : filter.method().toUpperCase(Locale.ROOT);
        if (method != null && !METHODS.contains(method)) {
            throw ProblemException.validation("method", "invalid", filter.method());
        }
        if (filter.pathPrefix() != null && filter.pathPrefix().length() > 500) {
            throw ProblemException.validation("path", "size", 0, 500);
        }
        Uni<UUID> client = filter.clientId() == null ? Uni.createFrom().nullItem() : clients.idOf(filter.clientId());
        return client.chain(id -> {
            StringBuilder sql = new StringBuilder("""
                    select k.id, c.client_id, k.method, k.path, k.status, k.called_at, k.duration_ms
                    from identity_api_client_call k join identity_api_client c on c.id = k.client_id
                    where k.id < $1""");
            List<Object> args = new ArrayList<>(List.of(afterId));
            condition(sql, args, " and k.client_id = $", id);
            condition(sql, args, " and k.status = $", filter.status() == null ? null : filter.status().shortValue());
            condition(sql, args, " and k.method = $", method);
            condition(sql, args, " and k.called_at >= $", filter.since());
            condition(sql, args, " and k.called_at < $", filter.until());
            if (filter.pathPrefix() != null) {
                // A prefix, not a pattern: % and _ in it are meant literally.
                args.add(filter.pathPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                sql.append(" and k.path like $").append(args.size());
            }
            args.add(limit + 1);
            sql.append(" order by k.id desc limit $").append(args.size());
            return pool.preparedQuery(sql.toString()).execute(Tuple.from(args));
        }).map(rows -> {
            List<ClientCallView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new ClientCallView(row.getLong("id"), row.getString("client_id"), row.getString("method"),
                        row.getString("path"), row.getShort("status"), row.getOffsetDateTime("called_at"),
                        row.getInteger("duration_ms")));
            }
            return Page.of(items, limit, call -> Cursor.encode(Long.toString(call.id())));
        });
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(clause).append(args.size());
        }
    }
}
