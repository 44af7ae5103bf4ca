package id.satupintu.complaint.handling;

/**
 * How often an agency missed its complaint deadlines at a site: {@code agencyCode} null is the
 * site's own desk (verification). {@code lateNow} is how many of its complaints are late right now.
 */
public record AgencyDeadlineRecord(String agencyCode, long missedDeadlines, long lateNow) {
}
