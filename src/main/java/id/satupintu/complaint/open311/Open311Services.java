package id.satupintu.complaint.open311;

import id.satupintu.complaint.filing.ComplaintCategories;
import id.satupintu.complaint.filing.ComplaintCategory;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GeoReport v2's services are the complaint categories: the service list, each service's
 * definition (the category's extra questions as attributes), and the discovery document whose
 * changeset says when they last changed.
 */
@ApplicationScoped
class Open311Services {

    static final int ID_MAX = 100;

    @Inject
    Open311Discovery discovery;

    @Inject
    Open311Jurisdictions jurisdictions;

    @Inject
    ComplaintCategories categories;

    @Inject
    Messages messages;

    /**
     * Categories come from migrations only, so they cannot change while this process runs: its start
     * is a safe changeset, later than or equal to the last change of any service definition. The
     * system clock on purpose: the process's own start is a fact about it, not a time a rule decides on.
     */
    private volatile OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);

    void onStart(@Observes StartupEvent event) {
        started = OffsetDateTime.now(ZoneOffset.UTC);
    }

    Uni<Open311Document> discovery(String baseUrl, Locale locale) {
        return Uni.createFrom().item(() -> discovery.document(baseUrl, started, locale));
    }

    Uni<Open311Document> services(Open311Query query) {
        return jurisdictions.site(query.jurisdiction())
                .flatMap(site -> categories.list(query.locale()))
                .map(list -> Open311Document.list("services", "service",
                        list.stream().map(category -> service(category, query.locale())).toList()));
    }

    Uni<Open311Document> definition(String serviceCode, Open311Query query) {
        return jurisdictions.site(query.jurisdiction())
                .flatMap(site -> category(serviceCode, query.locale()))
                .map(category -> {
                    List<Open311Document.Fields> attributes = new ArrayList<>();
                    int order = 1;
                    for (ComplaintCategory.Attribute attribute : category.attributes()) {
                        attributes.add(attribute(attribute, order++));
                    }
                    return Open311Document.object("service_definition", Open311Document.fields()
                            .put("service_code", category.code())
                            .put("attributes", new Open311Document.Repeated("attribute", attributes)));
                });
    }

    /** The category a service_code names; 404 open311-service-not-found. */
    Uni<ComplaintCategory> category(String serviceCode, Locale locale) {
        if (serviceCode.isBlank() || serviceCode.length() > ID_MAX) {
            return Uni.createFrom().failure(new ProblemException(404, "open311-service-not-found",
                    Open311Format.shorten(serviceCode)));
        }
        return categories.find(serviceCode, locale).onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).status() == 404
                        ? new ProblemException(404, "open311-service-not-found", Open311Format.shorten(serviceCode)) : e);
    }

    private Open311Document.Fields service(ComplaintCategory category, Locale locale) {
        List<String> kinds = category.kinds().stream()
                .map(kind -> messages.get(locale, "open311.kind." + kind.name())).toList();
        return Open311Document.fields()
                .put("service_code", category.code())
                .put("service_name", category.name())
                .put("description", category.description())
                .put("metadata", !category.attributes().isEmpty())
                .put("type", "realtime")
                .put("keywords", String.join(", ", kinds))
                .put("group", kinds.isEmpty() ? null : kinds.get(0));
    }

    private static Open311Document.Fields attribute(ComplaintCategory.Attribute attribute, int order) {
        Open311Document.Fields fields = Open311Document.fields()
                .put("variable", true)
                .put("code", attribute.code())
                .put("datatype", attribute.datatype())
                .put("required", attribute.required())
                .put("datatype_description", null)
                .put("order", order)
                .put("description", attribute.description());
        if (attribute.datatype() != null && attribute.datatype().endsWith("valuelist")) {
            fields.put("values", new Open311Document.Repeated("value", attribute.values().stream()
                    .map(v -> Open311Document.fields().put("key", v.get("key")).put("name", v.get("name")))
                    .toList()));
        }
        return fields;
    }
}
