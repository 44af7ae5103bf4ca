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
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes events inside the caller's transaction and reads them back for resume and catch-up. */
@ApplicationScoped
public class EventLog {

    private static final String COLUMNS = "select id, stream, type, payload, created_at from event ";

    /**
     * Takes the stream's lock and inserts in one round trip: hot paths (ticket issue, call-next) hold
     * their row locks until commit, so every round trip inside saved is throughput won. The aggregate
     * makes the lock a row the insert must read first, so the event's id is drawn only once it is held.
     */
    private static final String APPEND = "insert into event (stream, type, payload) select $1, $2, $3 from "
            + "(select count(*) from (select pg_advisory_xact_lock(hashtextextended($1, 0))) as lock) as locked returning id";

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    /**
     * Appends an event in the current Hibernate Reactive transaction: it becomes visible, and is
     * announced, only if that transaction commits. Appends to one stream are serialized until
     * commit (a transaction-scoped advisory lock), so within a stream ids commit in increasing
     * order and "everything after id N" is a complete answer for a follower that resumes.
     */
    @SuppressWarnings("unchecked")
    public Uni<Event> append(String stream, String type, Object payload) {
        Event event = new Event();
        event.stream = stream;
        event.type = type;
        event.payload = mapper.convertValue(payload, Map.class);
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked")
                        .setParameter(1, stream).getSingleResult())
                .flatMap(locked -> event.persist());
    }

    /** The events with these ids, in any order. */
    public Uni<List<PublishedEvent>> byIds(List<Long> ids) {
        return pool.preparedQuery(COLUMNS + "where id = any($1)").execute(Tuple.of(ids.toArray(new Long[0])))
                .map(rows -> {
                    List<PublishedEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /** The newest events of a stream, oldest first: where a follower without a position starts. */
    public Multi<PublishedEvent> latest(String stream, int count) {
        return pool.preparedQuery(COLUMNS + "where stream = $1 order by id desc limit $2")
                .execute(Tuple.of(stream, count))
                .onItem().transformToMulti(rows -> {
                    List<PublishedEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(0, toEvent(row)));
                    return Multi.createFrom().iterable(events);
                });
    }

    /**
     * Appends an event on a reactive-client connection inside its transaction, for hot paths that
     * use explicit SQL rather than Hibernate Reactive; same visibility and ordering rules as
     * {@link #append(String, String, Object)}.
     */
    @SuppressWarnings("unchecked")
    public Uni<Long> append(SqlClient transaction, String stream, String type, Object payload) {
        JsonObject json = new JsonObject(mapper.convertValue(payload, Map.class));
        return transaction.preparedQuery(APPEND).execute(Tuple.of(stream, type, json))
                .map(rows -> rows.iterator().next().getLong(0));
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
