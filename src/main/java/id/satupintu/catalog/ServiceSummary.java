package id.satupintu.catalog;

import id.satupintu.catalog.service.Service;
import id.satupintu.platform.i18n.Messages;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Name;

/**
 * A service in a list. {@code name} is {@code nameId} or {@code nameEn} as the client's
 * Accept-Language asks; both stay in the body for clients that show both.
 */
@Name("ServiceSummary")
public record ServiceSummary(String code, String agencyCode, String name, String nameId, String nameEn,
                             ServiceType type, int currentVersion, boolean active) {

    public static ServiceSummary of(Service service, Locale locale) {
        return new ServiceSummary(service.code, service.agency.code, localName(service, locale), service.nameId,
                service.nameEn, service.type, service.currentVersion, service.active);
    }

    public static String localName(Service service, Locale locale) {
        return Messages.ENGLISH.getLanguage().equals(locale.getLanguage()) ? service.nameEn : service.nameId;
    }
}
