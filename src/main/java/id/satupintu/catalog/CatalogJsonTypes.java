package id.satupintu.catalog;

import id.satupintu.catalog.agency.AgencyInput;
import id.satupintu.catalog.service.ServiceInput;
import id.satupintu.catalog.site.SiteInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads and writes reflectively outside REST (jsonb columns through DatabaseJson, the
 * demo file at start), so a native image keeps their constructors and accessors.
 */
@RegisterForReflection(targets = {DemoCatalogLoader.DemoCatalog.class, SiteInput.class, AgencyInput.class,
        ServiceInput.class, ServiceStandard.class, Requirement.class, FormField.class, OpeningHours.class,
        WeeklyHours.class})
final class CatalogJsonTypes {

    private CatalogJsonTypes() {
    }
}
