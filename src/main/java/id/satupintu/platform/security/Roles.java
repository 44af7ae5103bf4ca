package id.satupintu.platform.security;

import java.util.Set;

/**
 * Roles carried in the token's {@code groups} claim. People sign in with a password; devices and
 * other systems sign in as API clients with client credentials.
 */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    public static final String COUNTER_STAFF = "counter_staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public static final String INTEGRATOR = "integrator";
    public static final String KIOSK = "kiosk";
    public static final String DRIVE_THRU = "drive_thru";
    public static final String DISPLAY_BOARD = "display_board";
    /** A tablet at a counter, turned to the citizen: it shows the survey of the ticket the counter has just served. */
    public static final String COUNTER_TABLET = "counter_tablet";

    public static final Set<String> STAFF_ROLES = Set.of(OFFICER, COUNTER_STAFF, SUPERVISOR, ADMIN);
    public static final Set<String> CLIENT_KINDS = Set.of(INTEGRATOR, KIOSK, DRIVE_THRU, DISPLAY_BOARD, COUNTER_TABLET);

    private Roles() {
    }
}
