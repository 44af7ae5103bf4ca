package id.satupintu.complaint;

import java.time.LocalDate;

/**
 * One site-local day's complaint figures, each counted on the day of its history entry.
 *
 * @param verifiedInTime verifications within 3 working days of filing
 * @param resolvedInTime resolutions on or before the follow-up deadline
 * @param rated          closes carrying the reporter's rating (1-5); {@code ratingSum} their sum
 */
public record ComplaintIndicatorDay(LocalDate date, int received, int verified, int verifiedInTime, int resolved,
                                    int resolvedInTime, int reopened, int rated, int ratingSum) {
}
