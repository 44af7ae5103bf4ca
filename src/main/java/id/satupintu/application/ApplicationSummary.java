package id.satupintu.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of "my applications" or of an officer's work queue. */
public record ApplicationSummary(String trackingNumber, String serviceCode, String siteCode, ApplicationState state,
                                 Integer ossStatusCode, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                                 LocalDate deadline, boolean slaBreached) {

    static ApplicationSummary of(Application a) {
        return new ApplicationSummary(a.trackingNumber, a.serviceCode, a.siteCode, a.state, OssStatus.of(a.state),
                a.submittedAt, a.updatedAt, a.deadline, a.slaBreachedAt != null);
    }
}
