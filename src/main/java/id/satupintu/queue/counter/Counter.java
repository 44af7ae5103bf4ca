package id.satupintu.queue.counter;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;
import java.util.UUID;

/** A counter with the prefixes of its lanes and its current session state. */
public record Counter(UUID id, String siteCode, int number, String name, List<UUID> laneIds, List<String> lanes,
                      CounterStatus status, String pauseReason, String staffId, int priorityStreak) {

    /** Selects a counter with its lane prefixes; callers append the where clause. */
    static final String SELECT = "select c.id, c.site_code, c.number, c.name, c.lane_ids, c.status, c.pause_reason, "
            + "c.staff_id, c.priority_streak, array(select l.prefix from queue_lane l where l.id = any(c.lane_ids) "
            + "order by l.prefix) as lane_prefixes from queue_counter c ";

    static Counter of(Row row) {
        return new Counter(row.getUUID("id"), row.getString("site_code"), row.getInteger("number"),
                row.getString("name"), List.of(row.getArrayOfUUIDs("lane_ids")),
                List.of(row.getArrayOfStrings("lane_prefixes")), CounterStatus.valueOf(row.getString("status")),
                row.getString("pause_reason"), row.getString("staff_id"), row.getInteger("priority_streak"));
    }
}
