package id.satupintu.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Writes events inside the caller's transaction and reads them back for resume and catch-up. */
@ApplicationScoped
public class EventLog {

    private static final String COLUMNS = "select id, stream, type, payload, created_at from event ";

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    /**
     * Appends an event in the current Hibernate Reactive transaction: it becomes visible, and is
     * announced, only if that transaction commits.
     */
    @SuppressWarnings("unchecked")
    public Uni<Event> append(String stream, String type, Object payload) {
        Event event = new Event();
        event.stream = stream;
        event.type = type;
        event.payload = mapper.convertValue(payload, Map.class);
        return event.persist();
    }

    /**
     * Appends an event on a reactive-client connection inside its transaction, for hot paths that
     * use explicit SQL rather than Hibernate Reactive; same visibility rule as {@link #append}.
     */
    @SuppressWarnings("unchecked")
    public Uni<Long> append(SqlClient transaction, String stream, String type, Object payload) {
        JsonObject json = new JsonObject(mapper.convertValue(payload, Map.class));
        return transaction.preparedQuery("insert into event (stream, type, payload) values ($1, $2, $3) returning id")
                .execute(Tuple.of(stream, type, json))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<PublishedEvent> byId(long id) {
        return pool.preparedQuery(COLUMNS + "where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? toEvent(rows.iterator().next()) : null);
    }

    /** The events of a stream after the given id, oldest first: what a reconnecting client missed. */
    public Multi<PublishedEvent> after(String stream, long afterId, int limit) {
        return pool.preparedQuery(COLUMNS + "where stream = $1 and id > $2 order by id limit $3")
                .execute(Tuple.of(stream, afterId, limit))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(EventLog::toEvent);
    }

    /** Every event after the given id, oldest first, for catching up after a lost connection. */
    public Multi<PublishedEvent> allAfter(long afterId, int limit) {
        return pool.preparedQuery(COLUMNS + "where id > $1 order by id limit $2").execute(Tuple.of(afterId, limit))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(EventLog::toEvent);
    }

    public Uni<Long> lastId() {
        return pool.query("select coalesce(max(id), 0) from event").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static PublishedEvent toEvent(Row row) {
        Object payload = row.getValue("payload");
        JsonObject json = payload instanceof JsonObject object ? object : new JsonObject(String.valueOf(payload));
        return new PublishedEvent(row.getLong("id"), row.getString("stream"), row.getString("type"), json,
                row.getOffsetDateTime("created_at"));
    }
}
