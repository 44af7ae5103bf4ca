package id.satupintu.complaint.open311;

import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The Service Discovery document (wiki.open311.org/Service_Discovery) every GeoReport v2 endpoint
 * must have at {@code discovery.xml} and {@code discovery.json}. Its changeset is the time the
 * service list or a service definition last changed, so that clients know when to refresh their
 * cached copies.
 */
@ApplicationScoped
class Open311Discovery {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    @Inject
    Messages messages;

    @Inject
    ComplaintConfig config;


    public Open311Document document(String requestBaseUrl, OffsetDateTime changeset, Locale locale) {
        String url = config.open311().publicUrl().filter(u -> !u.isBlank()).orElse(requestBaseUrl);
        String stamp = changeset.withOffsetSameInstant(ZoneOffset.UTC).format(Open311Document.W3C);
        Open311Document.Fields endpoint = Open311Document.fields()
                .put("specification", SPECIFICATION)
                .put("url", url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .put("changeset", stamp)
                .put("type", config.open311().endpointType())
                .put("formats", new Open311Document.Repeated("format",
                        List.of(Open311Format.XML.bareMediaType(), Open311Format.JSON.bareMediaType())));
        return Open311Document.object("discovery", Open311Document.fields()
                .put("changeset", stamp)
                .put("contact", messages.get(locale, "open311.discovery.contact"))
                .put("key_service", messages.get(locale, "open311.discovery.key-service"))
                .put("endpoints", new Open311Document.Repeated("endpoint", List.of(endpoint))));
    }
}
