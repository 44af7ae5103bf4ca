package id.satupintu.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** Why a day is not a working day at a site; {@code closureId} only for a site closure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarReason(Kind kind, String name, UUID closureId) {

    public enum Kind {
        WEEKEND,
        LIBUR_NASIONAL,
        CUTI_BERSAMA,
        SITE_CLOSURE
    }

    public static final CalendarReason WEEKEND = new CalendarReason(Kind.WEEKEND, null, null);
}
