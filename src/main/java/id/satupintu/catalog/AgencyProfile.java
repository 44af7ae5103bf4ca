package id.satupintu.catalog;

import java.util.List;

/**
 * An agency (profil instansi) as catalog hands it out: an immutable copy with the codes of the sites
 * it serves at, ordered, so other features depend on this shape rather than on the {@link Agency} entity.
 */
public record AgencyProfile(String code, String name, String shortName, AgencyKind kind, String website, String phone,
                            List<String> siteCodes) {

    public AgencyProfile {
        siteCodes = List.copyOf(siteCodes);
    }

    /** Needs the agency's sites fetched. */
    static AgencyProfile of(Agency agency) {
        return new AgencyProfile(agency.code, agency.name, agency.shortName, agency.kind, agency.website, agency.phone,
                agency.sites.stream().map(site -> site.code).sorted().toList());
    }

    public boolean servesAt(String siteCode) {
        return siteCodes.contains(siteCode);
    }
}
