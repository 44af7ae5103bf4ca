package id.satupintu.notification;

import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/** What the notification tests read straight from the database: what was recorded, which no API shows. */
final class NotificationTests {

    private NotificationTests() {
    }

    static RowSet<Row> sql(String query, Object... params) {
        return Arc.container().instance(Pool.class).get().preparedQuery(query).execute(Tuple.from(params))
                .await().atMost(Duration.ofSeconds(10));
    }
}
