package id.satupintu.complaint;

import id.satupintu.platform.survey.SurveyLinks;
import org.eclipse.microprofile.graphql.Name;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A complaint as its reader may see it. {@code reporter} is null for an anonymous complaint and for
 * a confidential one read by anyone but the reporter, the site's supervisors and administrators;
 * contact details are always masked. {@code survey}, the complaint's satisfaction survey, for the reporter only.
 */
public record ComplaintView(String trackingCode, ComplaintKind kind, String categoryCode, ReporterMode reporterMode,
                            Reporter reporter, String title, String description, String siteCode, String agencyCode,
                            String serviceCode, String applicationTrackingNumber, UUID ticketId, Location location,
                            String mediaUrl, Map<String, Object> attributes, ComplaintState state,
                            RejectReason rejectReason, Deadline deadline, int reopenCount, boolean reopenable,
                            Integer rating, List<String> actions, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                            SurveyLinks.Link survey) {

    @Name("ComplaintReporter")
    public record Reporter(String userId, String clientId, String name, String email, String phone) {
    }

    @Name("ComplaintLocation")
    public record Location(Double latitude, Double longitude, String address) {
    }

    /** The deadline running now: for verification+forwarding or the agency's follow-up. */
    @Name("ComplaintDeadline")
    public record Deadline(String stage, LocalDate dueOn, Integer workingDaysLeft, boolean dueSoon, boolean late) {
    }
}
