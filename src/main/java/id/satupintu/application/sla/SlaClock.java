package id.satupintu.application.sla;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationState;
import id.satupintu.catalog.WorkingDayCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The SLA clock in working days at the application's site. It starts on the day the file is
 * complete (submission), stops while the application waits for the applicant's revision and, on
 * resubmission, moves the deadline by the working days the pause lasted, so the applicant's time is
 * never counted against the agency.
 */
@ApplicationScoped
public class SlaClock {

    /**
     * States whose responses show working days left: a running clock, or one paused for the
     * applicant's revision (counted from the day it stopped). Decided, withdrawn and draft ones show none.
     */
    public static final Set<ApplicationState> SHOWS_DAYS_LEFT = EnumSet.of(ApplicationState.SUBMITTED,
            ApplicationState.IN_VERIFICATION, ApplicationState.RETURNED_FOR_REVISION,
            ApplicationState.IN_TECHNICAL_REVIEW);

    @Inject
    WorkingDayCalendar calendar;

    /**
     * Starts the clock today at the site. A deadline counted into a year whose holidays are not entered
     * yet is provisional ({@code slaHolidaysKnown} false): it was counted as if that year had none.
     */
    public Uni<Void> start(Application app, int completionDays, Instant now) {
        return calendar.localDate(app.siteCode, now).flatMap(today -> {
            app.slaStartedOn = today;
            app.clockPausedOn = null;
            app.slaHolidaysKnown = true;
            // A standard longer than the calendar's horizon is not tracked rather than refused.
            if (completionDays > WorkingDayCalendar.MAX_DAYS) {
                app.deadline = null;
                return Uni.createFrom().voidItem();
            }
            return calendar.reckonWorkingDays(app.siteCode, today, completionDays).invoke(deadline -> {
                app.deadline = deadline.value();
                app.slaHolidaysKnown = deadline.holidaysKnown();
            }).replaceWithVoid();
        });
    }

    public Uni<Void> pause(Application app, Instant now) {
        return calendar.localDate(app.siteCode, now).invoke(today -> app.clockPausedOn = today).replaceWithVoid();
    }

    public Uni<Void> resume(Application app, Instant now) {
        LocalDate pausedOn = app.clockPausedOn;
        app.clockPausedOn = null;
        // The deadline moves, so a warning about the old one no longer holds.
        app.slaWarnedAt = null;
        if (pausedOn == null || app.deadline == null) {
            return Uni.createFrom().voidItem();
        }
        // A deadline once provisional stays so: it moves from a date counted without some holidays.
        return calendar.localDate(app.siteCode, now)
                .flatMap(today -> calendar.reckonWorkingDaysBetween(app.siteCode, pausedOn, today))
                .flatMap(paused -> paused.value() <= 0 ? Uni.createFrom().voidItem()
                        : calendar.reckonWorkingDays(app.siteCode, app.deadline, paused.value()).invoke(deadline -> {
                            app.deadline = deadline.value();
                            app.slaHolidaysKnown = app.slaHolidaysKnown && paused.holidaysKnown()
                                    && deadline.holidaysKnown();
                        }).replaceWithVoid());
    }

    /** Working days left until the deadline (negative when late), or null when no clock runs. */
    public Uni<Integer> workingDaysLeft(Application app, Instant now) {
        if (app.deadline == null || !SHOWS_DAYS_LEFT.contains(app.state)) {
            return Uni.createFrom().nullItem();
        }
        Uni<LocalDate> from = app.clockPausedOn != null ? Uni.createFrom().item(app.clockPausedOn)
                : calendar.localDate(app.siteCode, now);
        return from.flatMap(day -> calendar.workingDaysBetween(app.siteCode, day, app.deadline));
    }
}
