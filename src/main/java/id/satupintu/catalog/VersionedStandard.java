package id.satupintu.catalog;

import id.satupintu.catalog.service.Service;
import id.satupintu.catalog.service.StandardVersion;

/**
 * A standard as other features use it: which service, which agency, which version. An application
 * records {@code version} when it is filed and later reads that same version back.
 */
public record VersionedStandard(String serviceCode, String agencyCode, ServiceType type, boolean active,
                                int version, ServiceStandard standard) {

    /**
     * Whether no one account may both prepare or verify a file and decide it: the standard says so, or,
     * when it is silent, a permit always needs two people and other services do not.
     */
    public boolean separatesDuties() {
        return standard.separateDuties() != null ? standard.separateDuties() : type == ServiceType.PERIZINAN;
    }

    static VersionedStandard of(StandardVersion published) {
        Service service = published.service;
        return new VersionedStandard(service.code, service.agency.code, service.type, service.active,
                published.version, published.document);
    }
}
