package id.satupintu.platform.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Request durations as a histogram with a few fixed buckets, so Prometheus can compute latency
 * percentiles per route across pods and the SLO rules can count "answered within 250 ms / 500 ms"
 * (k8s/base/prometheusrule.yaml). Fixed buckets rather than Micrometer's percentile histogram: eight
 * series per route instead of seventy keep the scrape small, and they include the SLO thresholds.
 */
@Singleton
class RequestMetrics {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Every SLO threshold in the PrometheusRule must be one of these (the rule selects its `le`). */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
    };

    @Produces
    @Singleton
    MeterFilter requestDurationBuckets() {
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = BUCKETS[i].toNanos();
        }
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
