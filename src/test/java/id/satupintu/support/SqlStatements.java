package id.satupintu.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the SQL statements the service sends to PostgreSQL. The Vert.x SQL client reports every
 * query it runs to Vert.x's metrics SPI (one request per statement, whether it comes from Hibernate
 * Reactive or from the pool directly), and quarkus-micrometer records them as client metrics of type
 * "sql" in the global registry, which a @QuarkusTest shares with the service.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** Statements completed so far by every SQL client of the service. */
    public static long completed() {
        double total = 0;
        boolean found = false;
        for (Meter meter : Metrics.globalRegistry.getMeters()) {
            if (meter instanceof Counter counter && "sql".equals(meter.getId().getTag("clientType"))
                    && meter.getId().getName().endsWith("completed")) {
                total += counter.count();
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no SQL client metrics: is quarkus-micrometer's Vert.x binder on?");
        }
        return (long) total;
    }

    /**
     * The statements one call makes: the fewest over a few runs, so that a scheduled job that happens
     * to run meanwhile does not count.
     */
    public static long during(Runnable call) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = completed();
            call.run();
            fewest = Math.min(fewest, completed() - before);
        }
        return fewest;
    }
}
