package id.satupintu.queue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The queue's counters as other features reach them (the survey's counter tablet). */
@ApplicationScoped
public class QueueCounters {

    /**
     * The counter and the ticket it finished last, in one statement (the tablet asks every few seconds): the
     * index queue_ticket_counter_done (V40) finds that ticket without scanning the counter's history.
     */
    private static final String FIND = "select c.id, c.site_code, c.number, c.name, t.id as ticket_id, "
            + "t.number as ticket_number, t.service_code, t.finished_at from queue_counter c "
            + "left join lateral (select id, number, service_code, finished_at from queue_ticket "
            + "where counter_id = c.id and status = 'DONE' order by finished_at desc limit 1) t on true "
            + "where c.id = $1";

    @Inject
    Pool pool;

    /** The counter; an unknown or malformed id is 404 counter-not-found. Public facts only: no session or staff. */
    public Uni<QueueCounter> find(String counterId) {
        UUID id = QueueAccess.parseId("counter", counterId);
        return pool.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> QueueAccess.first(rows, QueueCounters::of, "counter", counterId));
    }

    private static QueueCounter of(Row row) {
        UUID ticket = row.getUUID("ticket_id");
        return new QueueCounter(row.getUUID("id"), row.getString("site_code"), row.getInteger("number"),
                row.getString("name"), ticket == null ? null : new QueueCounter.FinishedTicket(ticket,
                        row.getString("ticket_number"), row.getString("service_code"), row.getOffsetDateTime("finished_at")));
    }
}
