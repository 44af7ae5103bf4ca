package id.satupintu.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The monthly partitions of the API clients' call audit (V54) against the real PostgreSQL: made ahead, made
 * once when replicas race, a row of a month nobody made kept in the default partition, months past the retention
 * dropped whole while the rest of the log, and its keyset order by id, stay.
 */
@QuarkusTest
class MonthlyPartitionsTest {

    private static final String LOG = "identity_api_client_call";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    @Inject
    MonthlyPartitions partitions;

    @Inject
    Pool pool;

    private List<String> months() {
        List<String> names = new ArrayList<>();
        pool.preparedQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "where i.inhparent = $1::regclass order by c.relname")
                .execute(Tuple.of(LOG)).await().atMost(Duration.ofSeconds(10)).forEach(row -> names.add(row.getString(0)));
        return names;
    }

    private Row one(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    @Test
    void thisMonthAndTheNextThreeAreMadeAheadOnceWhateverRaces() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<Integer> made = Uni.join().all(partitions.ensure(), partitions.ensure(), partitions.ensure(), partitions.ensure())
                .andFailFast().await().atMost(Duration.ofSeconds(30));
        assertEquals(0, made.stream().mapToInt(Integer::intValue).sum(), "the migration made them already");
        for (int i = 0; i <= 3; i++) {
            assertTrue(months().contains(LOG + "_" + now.plusMonths(i).format(MONTH)), now.plusMonths(i).toString());
        }
        assertTrue(months().contains(LOG + "_default"));

        // A month dropped by mistake is made again by the next run, once, however many replicas run it.
        pool.query("drop table " + LOG + "_" + now.plusMonths(3).format(MONTH)).execute().await().atMost(Duration.ofSeconds(10));
        made = Uni.join().all(partitions.ensure(), partitions.ensure(), partitions.ensure()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(1, made.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aRowOfAMonthNobodyMadeIsKeptAndOldMonthsAreDroppedWhole() {
        UUID client = UUID.randomUUID();
        // A month far back, made as the migration makes the months a log already holds.
        one("select platform_month_partition($1, '2001-03-01'::date)", LOG);
        long old = one("insert into " + LOG + " (client_id, method, path, status, called_at, duration_ms) "
                + "values ($1, 'GET', '/old', 200, '2001-03-15T10:00:00Z', 5) returning id", client).getLong(0);
        // A month nobody made: the default partition takes it, the insert does not fail.
        Row stray = one("insert into " + LOG + " (client_id, method, path, status, called_at, duration_ms) "
                + "values ($1, 'GET', '/stray', 200, '1999-07-01T00:00:00Z', 5) returning id, tableoid::regclass::text", client);
        assertEquals(LOG + "_default", stray.getString(1));
        long recent = one("insert into " + LOG + " (client_id, method, path, status, called_at, duration_ms) "
                + "values ($1, 'GET', '/now', 200, now(), 5) returning id", client).getLong(0);
        assertTrue(recent > old && old > 0, "one id sequence across the months");
        assertEquals(List.of("/now", "/stray", "/old"), paths(client));

        int dropped = MonthlyPartitions.dropOlderThan(pool, LOG, 180).await().atMost(Duration.ofSeconds(10));
        assertTrue(dropped >= 1);
        assertFalse(months().contains(LOG + "_200103"));
        assertTrue(months().contains(LOG + "_" + YearMonth.now(ZoneOffset.UTC).format(MONTH)));
        // The default partition is never dropped: its old row goes by the owner's row-level delete.
        assertEquals(List.of("/now", "/stray"), paths(client));
    }

    private List<String> paths(UUID client) {
        List<String> paths = new ArrayList<>();
        pool.preparedQuery("select path from " + LOG + " where client_id = $1 order by id desc")
                .execute(Tuple.of(client)).await().atMost(Duration.ofSeconds(10)).forEach(row -> paths.add(row.getString(0)));
        return paths;
    }
}
