package id.satupintu.application;

import java.time.LocalDate;
import java.util.List;

/**
 * One site-local day's application figures of one agency: filings, decisions (approve, reject, deemed approval) and, per
 * decision, the working days from the SLA clock's start, kept as values so a period's median is exact.
 *
 * @param agency          the agency whose service the applications are for (SLA compliance by agency)
 * @param decidedInTime   decisions on or before the application's deadline (the standard's working days, moved
 *                        by the pauses for revision)
 * @param returnedDecided decisions on applications returned for revision at least once
 */
public record ApplicationIndicatorDay(LocalDate date, String agency, int filed, int decided, int decidedInTime, int deemed,
                                      int returnedDecided, List<Integer> decisionDays) {
}
