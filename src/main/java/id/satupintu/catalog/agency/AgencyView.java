package id.satupintu.catalog.agency;

import id.satupintu.catalog.Agency;
import id.satupintu.catalog.AgencyKind;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/** An agency as the public API shows it. Needs the agency's sites fetched. */
@Name("Agency")
public record AgencyView(String code, String name, String shortName, AgencyKind kind, List<String> siteCodes,
                         String website, String phone) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(agency.code, agency.name, agency.shortName, agency.kind,
                agency.sites.stream().map(site -> site.code).sorted().toList(), agency.website, agency.phone);
    }
}
