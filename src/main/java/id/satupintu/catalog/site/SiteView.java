package id.satupintu.catalog.site;

import id.satupintu.catalog.OpeningHours;
import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.TimeZones;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/** A site as the public API shows it; {@code zone} is WIB, WITA or WIT. */
@Name("Site")
public record SiteView(String code, String kind, String name, String address, String city, String provinceCode,
                       Double latitude, Double longitude, String timeZone, String zone, String phone, String email,
                       List<OpeningHours> openingHours) {

    public static SiteView of(SiteProfile site) {
        return new SiteView(site.code(), site.kind(), site.name(), site.address(), site.city(), site.provinceCode(),
                site.latitude(), site.longitude(), site.timeZone(), TimeZones.label(site.timeZone()), site.phone(),
                site.email(), site.openingHours());
    }
}
