package id.satupintu.homevisit;

import java.time.LocalDate;
import java.util.List;

/**
 * One site-local day's home-visit figures: requests received on the day, visits reported done or failed on the
 * day and, per visit done, the working and the calendar days from the request to the visit's day, kept as values
 * so a period's median is exact.
 */
public record HomeVisitIndicatorDay(LocalDate date, int requested, int done, int failed,
                                    List<Integer> workingDaysToVisit, List<Integer> calendarDaysToVisit) {
}
