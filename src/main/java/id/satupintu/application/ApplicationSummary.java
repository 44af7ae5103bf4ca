package id.satupintu.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of "my applications" or of an officer's work queue ({@code assignedTo} in the queue only). */
public record ApplicationSummary(String trackingNumber, String serviceCode, String siteCode, ApplicationState state,
                                 Integer ossStatusCode, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                                 LocalDate deadline, boolean slaBreached, String assignedTo) {

    /** As the applicant sees it: without the assignee. */
    static ApplicationSummary of(Application a) {
        return of(a, false);
    }

    /** {@code staffView}: the agency's staff also see which officer has it. */
    public static ApplicationSummary of(Application a, boolean staffView) {
        return new ApplicationSummary(a.trackingNumber, a.serviceCode, a.siteCode, a.state, OssStatus.of(a.state),
                a.submittedAt, a.updatedAt, a.deadline, a.slaBreachedAt != null,
                staffView && a.assignedTo != null ? a.assignedTo.toString() : null);
    }
}
