package id.satupintu.catalog.service;

import id.satupintu.catalog.ServiceStandard;
import id.satupintu.catalog.ServiceSummary;
import id.satupintu.catalog.ServiceType;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Name;

/** A service with one version of its standard (the current one unless a version was asked for). */
@Name("Service")
public record ServiceDetail(String code, String agencyCode, String agencyName, String name, String nameId,
                            String nameEn, ServiceType type, boolean active, int version, int currentVersion,
                            OffsetDateTime publishedAt, ServiceStandard standard) {

    static ServiceDetail of(StandardVersion published, Locale locale) {
        Service service = published.service;
        return new ServiceDetail(service.code, service.agency.code, service.agency.name,
                ServiceSummary.localName(service, locale), service.nameId, service.nameEn, service.type,
                service.active, published.version, service.currentVersion, published.createdAt, published.document);
    }
}
