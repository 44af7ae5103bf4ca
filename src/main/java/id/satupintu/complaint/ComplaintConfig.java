package id.satupintu.complaint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * Complaint rules an office may tune, and their defaults, under {@code satupintu.}: the one place a
 * default is written. Each property can be set from the environment in its upper-case form
 * ({@code satupintu.complaints.verify-days.pengaduan} is {@code SATUPINTU_COMPLAINTS_VERIFY_DAYS_PENGADUAN}).
 */
@ConfigMapping(prefix = "satupintu")
public interface ComplaintConfig {

    Complaints complaints();

    Open311 open311();

    interface Complaints {
        /** Verification and forwarding, in working days from filing, per kind. */
        VerifyDays verifyDays();

        /** The agency's follow-up, in working days from forwarding, per kind. */
        FollowUpDays followUpDays();

        /** Calendar days after an answer, resolution or closing in which the reporter may reopen. */
        @WithDefault("14")
        int reopenDays();

        /** How many times a reporter may reopen one complaint. */
        @WithDefault("1")
        int maxReopens();

        /** The watch announces "due soon" when this many working days or fewer are left. */
        @WithDefault("1")
        int dueSoonWorkingDays();

        /** An identical complaint from the same reporter within this many minutes is a duplicate. */
        @WithDefault("30")
        int duplicateWindowMinutes();

        @WithDefault("5")
        int maxAttachments();

        /** How often the deadline watch runs; read by the scheduler ({@code ComplaintWatch}), {@code off} disables it. */
        @WithDefault("10m")
        String checkEvery();

        RateLimit rateLimit();
    }

    /** Anonymous and public submissions allowed per client address, and per API client, in one window. */
    interface RateLimit {
        @WithDefault("5")
        int perAddress();

        @WithDefault("300")
        int perClient();

        @WithDefault("60")
        int windowMinutes();
    }

    /** Per kind, as {@code verify-days.<kind>} with the kind in lower case; 0 to 365 working days. */
    interface VerifyDays {
        @WithDefault("3")
        @Min(0) @Max(365)
        int pengaduan();

        @WithDefault("3")
        @Min(0) @Max(365)
        int aspirasi();

        @WithName("information_request")
        @WithDefault("3")
        @Min(0) @Max(365)
        int informationRequest();

        default int of(ComplaintKind kind) {
            return switch (kind) {
                case PENGADUAN -> pengaduan();
                case ASPIRASI -> aspirasi();
                case INFORMATION_REQUEST -> informationRequest();
            };
        }
    }

    /** Per kind, as {@code follow-up-days.<kind>} with the kind in lower case; 0 to 365 working days. */
    interface FollowUpDays {
        @WithDefault("5")
        @Min(0) @Max(365)
        int pengaduan();

        @WithDefault("5")
        @Min(0) @Max(365)
        int aspirasi();

        @WithName("information_request")
        @WithDefault("5")
        @Min(0) @Max(365)
        int informationRequest();

        default int of(ComplaintKind kind) {
            return switch (kind) {
                case PENGADUAN -> pengaduan();
                case ASPIRASI -> aspirasi();
                case INFORMATION_REQUEST -> informationRequest();
            };
        }
    }

    /** Open311 for a one-site deployment and behind a proxy. */
    interface Open311 {
        /** The site a request without jurisdiction_id is about. */
        Optional<String> defaultJurisdiction();

        /** The public address of /open311/v2 when the service sits behind a proxy that rewrites hosts. */
        Optional<String> publicUrl();

        /** production, or test for a staging deployment whose requests nobody acts on. */
        @WithDefault("production")
        String endpointType();
    }
}
