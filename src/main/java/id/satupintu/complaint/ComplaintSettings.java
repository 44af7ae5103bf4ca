package id.satupintu.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * Complaint rules an office may tune. Deadlines are per kind:
 * {@code satupintu.complaints.verify-days.<kind>} (verification and forwarding, working days from
 * filing, default 3) and {@code satupintu.complaints.follow-up-days.<kind>} (the agency's follow-up,
 * working days from forwarding, default 5), kind in lower case (pengaduan, aspirasi, information_request).
 */
@ApplicationScoped
public class ComplaintSettings {

    static final int DEFAULT_VERIFY_DAYS = 3;
    static final int DEFAULT_FOLLOW_UP_DAYS = 5;

    private final Map<ComplaintKind, Integer> verifyDays = new EnumMap<>(ComplaintKind.class);
    private final Map<ComplaintKind, Integer> followUpDays = new EnumMap<>(ComplaintKind.class);

    /** Calendar days after an answer, resolution or closing in which the reporter may reopen. */
    @ConfigProperty(name = "satupintu.complaints.reopen-days", defaultValue = "14")
    int reopenDays;

    /** How many times a reporter may reopen one complaint. */
    @ConfigProperty(name = "satupintu.complaints.max-reopens", defaultValue = "1")
    int maxReopens;

    /** The watch announces "due soon" when this many working days or fewer are left. */
    @ConfigProperty(name = "satupintu.complaints.due-soon-working-days", defaultValue = "1")
    int dueSoonWorkingDays;

    /** An identical complaint from the same reporter within this many minutes is a duplicate. */
    @ConfigProperty(name = "satupintu.complaints.duplicate-window-minutes", defaultValue = "30")
    int duplicateWindowMinutes;

    /** Anonymous and public submissions allowed per client address, and per API client, in one window. */
    @ConfigProperty(name = "satupintu.complaints.rate-limit.per-address", defaultValue = "5")
    int perAddress;

    @ConfigProperty(name = "satupintu.complaints.rate-limit.per-client", defaultValue = "300")
    int perClient;

    @ConfigProperty(name = "satupintu.complaints.rate-limit.window-minutes", defaultValue = "60")
    int windowMinutes;

    @ConfigProperty(name = "satupintu.complaints.max-attachments", defaultValue = "5")
    int maxAttachments;

    @Inject
    public ComplaintSettings(Config config) {
        for (ComplaintKind kind : ComplaintKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            verifyDays.put(kind, days(config, "satupintu.complaints.verify-days." + name, DEFAULT_VERIFY_DAYS));
            followUpDays.put(kind, days(config, "satupintu.complaints.follow-up-days." + name, DEFAULT_FOLLOW_UP_DAYS));
        }
    }

    public int verifyDays(ComplaintKind kind) {
        return verifyDays.get(kind);
    }

    public int followUpDays(ComplaintKind kind) {
        return followUpDays.get(kind);
    }

    private static int days(Config config, String key, int fallback) {
        int days = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (days < 0 || days > 365) {
            throw new IllegalStateException(key + " must be between 0 and 365 working days, got " + days);
        }
        return days;
    }

    public int reopenDays() {
        return reopenDays;
    }

    public int maxReopens() {
        return maxReopens;
    }

    public int dueSoonWorkingDays() {
        return dueSoonWorkingDays;
    }

    public int duplicateWindowMinutes() {
        return duplicateWindowMinutes;
    }

    public int perAddress() {
        return perAddress;
    }

    public int perClient() {
        return perClient;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    public int maxAttachments() {
        return maxAttachments;
    }
}
