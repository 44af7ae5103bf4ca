package id.satupintu.complaint;

/**
 * How the reporter stands behind a complaint.
 * <ul>
 * <li>IDENTIFIED: a signed-in citizen (or an API client's reporter who gave contact details); the
 * handling desk and the agency see who it is (contact details masked).</li>
 * <li>CONFIDENTIAL: identity kept, but only the site's supervisors and administrators see it; agency
 * staff, every export, GraphQL for agency staff and the public (Open311) views never do.</li>
 * <li>ANONYMOUS: nothing identifying is kept; the reporter follows with the tracking code and a
 * secret returned once.</li>
 * </ul>
 */
public enum ReporterMode {
    IDENTIFIED, CONFIDENTIAL, ANONYMOUS
}
