package id.satupintu.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the service's tables hold, reduced to a row count and the newest row version (xmin) per table:
 * a refused write that changed any table left something half-done. Tables that a refused request
 * legitimately writes (rate-limit and throttle counters, platform_rate_limit included, the API clients' call audit, stored idempotent
 * answers) and those background work touches (webhook deliveries) are left out.
 */
final class DatabaseFingerprint implements AutoCloseable {

    private static final Set<String> WRITTEN_ON_REFUSAL = Set.of("flyway_schema_history", "complaint_rate_limit",
            "identity_api_client_call", "identity_api_client_usage", "identity_login_throttle", "identity_notice",
            "idempotency_record", "webhook_delivery", "identity_register_throttle", "platform_rate_limit");

    private final Connection connection;
    private final String query;

    DatabaseFingerprint() throws SQLException {
        connection = DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "satupintu", "satupintu");
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             // A month of a partitioned log (V54) is left out with its log; the log itself counts its months.
             ResultSet rows = sql.executeQuery("select c.relname, p.relname from pg_class c"
                     + " join pg_namespace n on n.oid = c.relnamespace left join pg_inherits i on i.inhrelid = c.oid"
                     + " left join pg_class p on p.oid = i.inhparent"
                     + " where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname")) {
            while (rows.next()) {
                String table = rows.getString(1);
                String partitionOf = rows.getString(2);
                if (partitionOf == null && !WRITTEN_ON_REFUSAL.contains(table) && !table.contains("throttle")) {
                    tables.add(table);
                }
            }
        }
        query = String.join(" union all ", tables.stream()
                .map(t -> "select '" + t + "', count(*), coalesce(max(xmin::text::bigint), 0) from " + t).toList());
    }

    /** Each table's "rows/newest version". */
    Map<String, String> take() throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getLong(2) + "/" + rows.getLong(3));
            }
        }
        return tables;
    }

    /** The tables that differ between two fingerprints, empty when none does. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !Objects.equals(before.get(t), after.get(t))).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
