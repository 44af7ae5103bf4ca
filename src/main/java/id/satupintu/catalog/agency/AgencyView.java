package id.satupintu.catalog.agency;

import id.satupintu.catalog.AgencyKind;
import id.satupintu.catalog.AgencyProfile;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/** An agency as the public API shows it. */
@Name("Agency")
public record AgencyView(String code, String name, String shortName, AgencyKind kind, List<String> siteCodes,
                         String website, String phone) {

    public static AgencyView of(AgencyProfile agency) {
        return new AgencyView(agency.code(), agency.name(), agency.shortName(), agency.kind(), agency.siteCodes(),
                agency.website(), agency.phone());
    }
}
