package id.satupintu.catalog;

import java.time.ZoneId;
import java.util.Map;

/**
 * Indonesia's three legal time zones (Keppres 41/1987) and the IANA zones in them. Sites store
 * the IANA id (Kalimantan Barat and Tengah are Asia/Pontianak, not Asia/Jakarta).
 */
public final class TimeZones {

    private static final Map<String, String> LABELS = Map.of(
            "Asia/Jakarta", "WIB",
            "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA",
            "Asia/Jayapura", "WIT");

    private TimeZones() {
    }

    public static boolean isIndonesian(String ianaId) {
        return ianaId != null && LABELS.containsKey(ianaId);
    }

    /** WIB, WITA or WIT. */
    public static String label(String ianaId) {
        String label = LABELS.get(ianaId);
        if (label == null) {
            throw new IllegalArgumentException("not an Indonesian time zone: " + ianaId);
        }
        return label;
    }

    public static ZoneId zone(String ianaId) {
        label(ianaId);
        return ZoneId.of(ianaId);
    }
}
