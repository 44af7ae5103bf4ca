package id.satupintu.platform.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/** Holds the site table locked from a JDBC session of the test's own, so that every read of it waits. */
final class SiteTableLock implements AutoCloseable {

    private final Connection connection;

    SiteTableLock() throws SQLException {
        var config = ConfigProvider.getConfig();
        connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE site IN ACCESS EXCLUSIVE MODE");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
