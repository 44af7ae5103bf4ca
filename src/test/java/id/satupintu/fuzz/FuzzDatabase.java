package id.satupintu.fuzz;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database of its own for the fuzz run: the fuzzer creates, edits and deletes whatever the API lets
 * each role touch (sites closed, demo accounts locked, bookings taken), which must not leak into the
 * other tests sharing the suite's database. Created empty beside it; Flyway and the demo loader fill it
 * when the service starts.
 */
public class FuzzDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String suite = System.getenv().getOrDefault("SATUPINTU_TEST_DB_URL", "postgresql://127.0.0.1:5432/satupintu_test");
        int slash = suite.lastIndexOf('/');
        String server = suite.substring(0, slash);
        String name = suite.substring(slash + 1) + "_fuzz";
        try (Connection admin = DriverManager.getConnection("jdbc:" + server + "/postgres", "satupintu", "satupintu");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists \"" + name + "\" with (force)");
            sql.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the fuzz database " + name, e);
        }
        return Map.of("quarkus.datasource.reactive.url", server + "/" + name,
                "quarkus.datasource.jdbc.url", "jdbc:" + server + "/" + name);
    }

    @Override
    public void stop() {
    }
}
