package id.satupintu.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Filters of the public list (Open311 GET requests): tracking codes, category codes, a site,
 * a time window on filing, open or closed. Null means "any".
 */
public record PublicComplaintFilter(List<String> trackingCodes, List<String> categoryCodes, String siteCode,
                                    OffsetDateTime from, OffsetDateTime to, Boolean open) {
}
