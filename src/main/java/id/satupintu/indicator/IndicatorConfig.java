package id.satupintu.indicator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service indicators' settings and their defaults, under {@code satupintu.}: the one place a default is
 * written ({@code satupintu.indicators.priority-within-minutes} is {@code SATUPINTU_INDICATORS_PRIORITY_WITHIN_MINUTES}).
 */
@ConfigMapping(prefix = "satupintu")
public interface IndicatorConfig {

    Indicators indicators();

    interface Indicators {
        /**
         * The N of "priority tickets called within N minutes of issue". Read when a report is made (the daily
         * figures keep the waits themselves), so changing it needs no recomputation.
         */
        @WithDefault("15")
        int priorityWithinMinutes();

        /** The longest period one request may ask for, in days (a year, leap day included). */
        @WithDefault("366")
        int maxDays();

        /** How often the job stores the daily figures of the days that are over; {@code off} in tests. */
        @WithDefault("5m")
        String materializeEvery();
    }
}
