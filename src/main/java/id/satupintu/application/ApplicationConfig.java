package id.satupintu.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Applications' settings and their defaults, under {@code satupintu.}: the one place a default is
 * written. Each property can be set from the environment in its upper-case form
 * ({@code satupintu.sla.check-every} is {@code SATUPINTU_SLA_CHECK_EVERY}).
 */
@ConfigMapping(prefix = "satupintu")
public interface ApplicationConfig {

    Sla sla();

    /** The SLA watch: how often it looks at running clocks, and how many working days ahead it warns. */
    interface Sla {
        /** Read by the scheduler ({@code SlaWatch}); {@code off} switches the watch off (tests run it themselves). */
        @WithDefault("10m")
        String checkEvery();

        @WithDefault("2")
        int warnWorkingDays();
    }
}
