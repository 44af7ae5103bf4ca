package id.satupintu.catalog;

import java.time.ZoneId;
import java.util.List;

/**
 * A site (profil lokasi layanan) as catalog hands it out: an immutable copy, so other features depend
 * on this shape rather than on the {@link Site} entity and its table. {@code openingHours} lists the
 * weekdays the site serves, in its own time zone, ordered Monday first; a day not listed is closed.
 */
public record SiteProfile(String code, String kind, String name, String address, String city, String provinceCode,
                          Double latitude, Double longitude, String timeZone, String phone, String email,
                          List<OpeningHours> openingHours) {

    public SiteProfile {
        openingHours = List.copyOf(openingHours);
    }

    static SiteProfile of(Site site) {
        return new SiteProfile(site.code, site.kind, site.name, site.address, site.city, site.provinceCode,
                site.latitude, site.longitude, site.timeZone, site.phone, site.email, site.openingHours.days());
    }

    /** The site's zone, for its local dates and clock times. */
    public ZoneId zone() {
        return TimeZones.zone(timeZone);
    }
}
