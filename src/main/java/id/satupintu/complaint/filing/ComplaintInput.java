package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintKind;
import id.satupintu.complaint.ReporterMode;
import java.util.Map;
import java.util.UUID;

/**
 * A new complaint, from the app (REST, GraphQL) or an Open311 client. Only {@code kind} (default
 * PENGADUAN), {@code categoryCode} and {@code description} are always needed; the site may follow
 * from the agency, service or application. {@code mode} defaults to IDENTIFIED for a signed-in
 * citizen and ANONYMOUS otherwise. Contact details are for reporters without an account (an Open311
 * app's user); they are refused for ANONYMOUS, which keeps nothing identifying.
 */
public record ComplaintInput(ComplaintKind kind, String categoryCode, ReporterMode mode, String title,
                             String description, String siteCode, String agencyCode, String serviceCode,
                             String applicationTrackingNumber, UUID ticketId, Double latitude, Double longitude,
                             String address, String mediaUrl, String contactName, String contactEmail,
                             String contactPhone, Map<String, Object> attributes) {
}
