package id.satupintu.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time booking rules are decided on: whether a slot is still bookable, whether a check-in is in its
 * window, whether a booked ticket's time has come. One bean so that tests can pin the time to a working
 * day (a check-in is only possible on the slot's day, and tests also run on weekends and holidays).
 */
@ApplicationScoped
public class Clock {

    public Instant now() {
        return Instant.now();
    }
}
