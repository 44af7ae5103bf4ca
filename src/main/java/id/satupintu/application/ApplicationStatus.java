package id.satupintu.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The public status of an application: anyone holding the tracking number sees it, so no personal data. */
public record ApplicationStatus(String trackingNumber, String serviceCode, ApplicationState state,
                                Integer ossStatusCode, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                                LocalDate deadline, Integer workingDaysLeft) {
}
