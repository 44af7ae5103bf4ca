package id.satupintu.queue.board;

import id.satupintu.catalog.SiteService;
import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.ticket.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What a site's display board shows: its latest calls. */
@ApplicationScoped
public class BoardService {

    /** Calls a board shows: the current ones and the last few before them. */
    private static final int BOARD_SIZE = 10;

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    /** The latest calls of the site, newest first, for its display board. */
    public Uni<List<BoardCall>> recentCalls(String siteCode) {
        return sites.find(siteCode).flatMap(site -> pool.preparedQuery("select t.number, l.prefix, c.number as "
                        + "counter_number, c.name as counter_name, t.status, t.called_at, t.call_count from queue_ticket t "
                        + "join queue_lane l on l.id = t.lane_id join queue_counter c on c.id = t.counter_id "
                        + "where t.site_code = $1 and t.called_at is not null order by t.called_at desc limit " + BOARD_SIZE)
                .execute(Tuple.of(siteCode))
                .map(rows -> QueueAccess.all(rows, row -> new BoardCall(row.getString("number"),
                        row.getString("prefix"), row.getInteger("counter_number"), row.getString("counter_name"),
                        TicketStatus.valueOf(row.getString("status")), row.getOffsetDateTime("called_at"),
                        row.getInteger("call_count")))));
    }
}
