package id.satupintu.platform.persistence;

import id.satupintu.platform.PlatformConfig;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Builds the datasource's reactive pool, the one Hibernate Reactive and every injected {@code Pool}
 * share, with the bounds Quarkus has no properties for: a connect timeout, how long a request may wait
 * for a connection, and how many may wait. Unbounded (the defaults: 60 s to connect, no acquire timeout,
 * an endless wait queue), a database that stops answering makes every request hang and pile up; bounded,
 * they fail within seconds and are answered 503 ({@code platform/error/DatabaseOutage}).
 * Settings: {@code satupintu.database.*} ({@link PlatformConfig.Database}).
 */
@Singleton
public class BoundedPool implements PgPoolCreator {

    private static final Logger LOG = Logger.getLogger(BoundedPool.class);

    @Inject
    PlatformConfig config;

    @Override
    public Pool create(Input input) {
        PlatformConfig.Database database = config.database();
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(database.maxWaitQueueSize())
                .setConnectionTimeout(database.acquireTimeoutMs())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<PgConnectOptions> servers = input.pgConnectOptionsList().stream()
                .map(options -> statementTimeout(connectTimeout(new PgConnectOptions(options), database), database))
                .toList();
        quietPoolTimerRace(input.vertx());
        // The recorder expects a PgPool (it casts); PgBuilder would give a plain Pool.
        return PgPool.pool(input.vertx(), servers, pool);
    }

    /** The connect timeout every connection to PostgreSQL gets, the event listener's too. */
    public static PgConnectOptions connectTimeout(PgConnectOptions options, PlatformConfig.Database database) {
        return options.setConnectTimeout(database.connectTimeoutMs());
    }

    /** A request's statements are cancelled by PostgreSQL past the configured time, not left to run on. */
    private static PgConnectOptions statementTimeout(PgConnectOptions options, PlatformConfig.Database database) {
        if (database.statementTimeoutMs() > 0) {
            options.addProperty("statement_timeout", Integer.toString(database.statementTimeoutMs()));
        }
        return options;
    }

    /**
     * vertx-sql-client 4.5 (issue 1706): a pool query that could not get a connection fails at once, but
     * the acquire-timeout timer it set is not cancelled and, when it fires, fails the already failed
     * result again. The IllegalStateException it throws reaches Vert.x's exception handler, which logs an
     * ERROR per query during an outage. That one exception carries no information (the caller already got
     * its failure), so it is dropped here; every other one goes on to the handler Quarkus installed.
     */
    private static void quietPoolTimerRace(Vertx vertx) {
        Handler<Throwable> previous = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (poolTimerRace(failure)) {
                LOG.debug("Pool acquire timer fired after its query had failed (vertx-sql-client 1706)");
            } else if (previous != null) {
                previous.handle(failure);
            } else {
                LOG.error("Uncaught exception received by Vert.x", failure);
            }
        });
    }

    static boolean poolTimerRace(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }
}
