package id.satupintu.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The public status of an application: anyone holding the tracking number sees it, so no personal data.
 * {@code holidaysKnown} (null without a deadline): false when the deadline is provisional, counted into a
 * year whose holidays were not entered yet.
 */
public record ApplicationStatus(String trackingNumber, String serviceCode, ApplicationState state,
                                Integer ossStatusCode, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                                LocalDate deadline, Integer workingDaysLeft, Boolean holidaysKnown) {
}
