package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;

/**
 * The one rule for how many items a page may hold, on REST ({@code limit}) and GraphQL ({@code first}):
 * omitted means the endpoint's default; outside 1..max is a 400 validation problem whose field error
 * has the code {@code page-size} and names the range, the same on every endpoint and channel.
 */
public record PageSize(int defaultSize, int max) {

    /** Lists of people's own things (their applications, complaints): small pages for phones. */
    public static final PageSize PERSONAL = new PageSize(20, 100);
    /** Catalog, staff and administration lists. */
    public static final PageSize STANDARD = new PageSize(50, 200);
    /** The client-call audit, read by administrators in bulk. */
    public static final PageSize AUDIT = new PageSize(50, 500);

    /** The size asked for by the field, or the default when omitted. */
    public int of(String field, Integer requested) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.validation(field, "page-size", 1, max);
        }
        return requested;
    }
}
