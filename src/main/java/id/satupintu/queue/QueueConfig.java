package id.satupintu.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The queue's settings and their defaults, under {@code satupintu.}: the one place a default is written.
 * Each property can be set from the environment in its upper-case form
 * ({@code satupintu.bookings.grace-minutes} is {@code SATUPINTU_BOOKINGS_GRACE_MINUTES}).
 */
@ConfigMapping(prefix = "satupintu")
public interface QueueConfig {

    Queue queue();

    Bookings bookings();

    interface Queue {
        /** Priority citizens called in a row before a regular ticket must go next. */
        @WithDefault("3")
        int maxPriorityInRow();

        /** The position in the lane at which a holder is told "your turn is near" (ticket.near, once). */
        @WithDefault("3")
        int nearPosition();

        /** The service time assumed for a lane's wait estimate until it has served tickets. */
        @WithDefault("300")
        int defaultServiceSeconds();

        /** How often the end-of-day job looks for site days that are over; read by the scheduler, {@code off} disables it. */
        @WithDefault("5m")
        String endOfDayEvery();
    }

    /**
     * Check-in opens check-in-minutes-before a slot and closes grace-minutes after its start, after which
     * the no-show job marks the booking NO_SHOW; citizens book up to days-ahead days ahead.
     */
    interface Bookings {
        @WithDefault("30")
        int checkInMinutesBefore();

        @WithDefault("15")
        int graceMinutes();

        @WithDefault("30")
        int daysAhead();

        /** How often the no-show job runs; read by the scheduler, {@code off} disables it. */
        @WithDefault("1m")
        String noShowEvery();

        /**
         * Bookings one citizen may hold at once (booked, slot not yet started), over all services and sites;
         * {@code 0} lifts the limit. Two keep a citizen from taking a slot on every working day of the month.
         */
        @WithDefault("2")
        int maxActive();

        /**
         * No-shows within {@link #noShowWindowDays()} days (counted by slot start) after which a citizen may
         * not book for {@link #noShowBlockDays()} days from the last of them; {@code 0} turns the rule off.
         */
        @WithDefault("3")
        int noShowLimit();

        @WithDefault("30")
        int noShowWindowDays();

        @WithDefault("14")
        int noShowBlockDays();
    }
}
