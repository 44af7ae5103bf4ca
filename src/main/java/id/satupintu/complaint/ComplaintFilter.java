package id.satupintu.complaint;

/** Filters of the handling list; null means "any". {@code agencyCode} is the agency it is forwarded to. */
public record ComplaintFilter(ComplaintState state, ComplaintKind kind, String categoryCode, String siteCode,
                              String agencyCode, Boolean late) {
}
