package id.satupintu.complaint.open311;

import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.Site;
import id.satupintu.catalog.TimeZones;
import id.satupintu.complaint.filing.ComplaintCategories;
import id.satupintu.complaint.filing.ComplaintCategory;
import id.satupintu.complaint.filing.ComplaintFiling;
import id.satupintu.complaint.filing.ComplaintInput;
import id.satupintu.complaint.ComplaintView;
import id.satupintu.complaint.PublicComplaints;
import id.satupintu.complaint.PublicComplaint;
import id.satupintu.complaint.PublicComplaintFilter;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import id.satupintu.identity.TokenService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GeoReport v2 on top of the complaint service: services are the complaint categories, service
 * requests are complaints, service_request_id is the tracking code. Every service is "realtime"
 * (the id comes back at once), so this server never hands out tokens. What a request shows is the
 * complaint service's public view, which never carries who reported it or how to reach them.
 */
@ApplicationScoped
public class Open311Service {

    /** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;
    /** "free form text limited to 4,000 characters" */
    static final int DESCRIPTION_MAX = 4000;
    static final int NAME_PART_MAX = 100;
    static final int ID_MAX = 100;

    @Inject
    Open311Discovery discovery;

    @Inject
    Open311Jurisdictions jurisdictions;

    @Inject
    ComplaintFiling filing;

    @Inject
    PublicComplaints complaints;

    @Inject
    ComplaintCategories categories;

    @Inject
    AgencyService agencies;

    @Inject
    TokenService tokens;

    @Inject
    Messages messages;

    /**
     * Categories come from migrations only, so they cannot change while this process runs: its start
     * is a safe changeset, later than or equal to the last change of any service definition.
     */
    private volatile OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);

    void onStart(@Observes StartupEvent event) {
        started = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Uni<Open311Document> discovery(String baseUrl, Locale locale) {
        return Uni.createFrom().item(() -> discovery.document(baseUrl, started, locale));
    }

    // ---------------------------------------------------------------------------------------------
    // Services

    public Uni<Open311Document> services(Open311Query query) {
        return jurisdictions.site(query.jurisdiction())
                .flatMap(site -> categories.list(query.locale()))
                .map(list -> Open311Document.list("services", "service",
                        list.stream().map(category -> service(category, query.locale())).toList()));
    }

    public Uni<Open311Document> definition(String serviceCode, Open311Query query) {
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

    private Uni<ComplaintCategory> category(String serviceCode, Locale locale) {
        if (serviceCode.isBlank() || serviceCode.length() > ID_MAX) {
            return Uni.createFrom().failure(new ProblemException(404, "open311-service-not-found", shorten(serviceCode)));
        }
        return categories.find(serviceCode, locale).onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).status() == 404
                        ? new ProblemException(404, "open311-service-not-found", shorten(serviceCode)) : e);
    }

    // ---------------------------------------------------------------------------------------------
    // Creating a request

    /**
     * POST requests: the api_key is an API client's {@code client_id:client_secret}, checked like a
     * client_credentials sign-in (same throttle); the client needs scope complaints:write. The
     * reporter's contact (email, first_name, last_name, phone) goes to the complaint service, which
     * keeps it encrypted and never shows it in GeoReport output; device_id and account_id are not
     * kept. Without contact the complaint is anonymous.
     */
    public Uni<Open311Document> create(Open311Form form, Open311Query query, String clientAddress) {
        return apiClient(form.get("api_key"))
                .flatMap(caller -> jurisdictions.site(first(form.get("jurisdiction_id"), query.jurisdiction()))
                        .invoke(site -> check(form))
                        .flatMap(site -> category(form.get("service_code"), Messages.INDONESIAN)
                                .flatMap(category -> filing.file(caller, input(form, site, category), clientAddress))))
                .map(filed -> Open311Document.list("service_requests", "request", List.of(Open311Document.fields()
                        .put("service_request_id", filed.complaint().trackingCode())
                        .put("service_notice", notice(filed.complaint(), query.locale()))
                        .put("account_id", null))))
                .onFailure(ProblemException.class).transform(e -> inOpen311Words((ProblemException) e));
    }

    /** What happens next, with the verification deadline the complaint service computed at the site. */
    private String notice(ComplaintView complaint, Locale locale) {
        return complaint.deadline() == null || complaint.deadline().dueOn() == null
                ? messages.get(locale, "open311.service-notice")
                : messages.get(locale, "open311.service-notice-due", complaint.deadline().dueOn().toString());
    }

    private Uni<Caller> apiClient(String apiKey) {
        if (apiKey == null) {
            return Uni.createFrom().failure(new ProblemException(403, "open311-api-key-missing"));
        }
        int colon = apiKey.indexOf(':');
        if (colon < 1) {
            return Uni.createFrom().failure(new ProblemException(403, "open311-api-key-invalid"));
        }
        return tokens.authenticateClient(apiKey.substring(0, colon), apiKey.substring(colon + 1))
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 401
                        ? new ProblemException(403, "open311-api-key-invalid") : e)
                .invoke(caller -> {
                    if (!caller.hasScope(Scopes.COMPLAINTS_WRITE)) {
                        throw new ProblemException(403, "open311-api-key-scope", Scopes.COMPLAINTS_WRITE);
                    }
                });
    }

    /** Everything about the form that needs no look-up, all reported at once. */
    private static void check(Open311Form form) {
        List<FieldError> errors = new ArrayList<>();
        String serviceCode = form.get("service_code");
        if (serviceCode == null) {
            errors.add(FieldError.of("service_code", "required"));
        }
        Double lat = coordinate(form, "lat", errors);
        Double lon = coordinate(form, "long", errors);
        String address = form.get("address_string");
        if ((lat == null) != (lon == null)) {
            // "lat & long both need to be sent even though they are sent as two separate parameters"
            errors.add(FieldError.of(lat == null ? "lat" : "long", "required"));
        }
        if (lat == null && lon == null && address == null) {
            // "A full location parameter must be submitted": we keep no master address repository, so an
            // address_id alone cannot place the report.
            errors.add(FieldError.of(form.get("address_id") == null ? "lat" : "address_id",
                    form.get("address_id") == null ? "open311-location-required" : "open311-address-id-unsupported"));
        }
        String description = form.get("description");
        if (description == null) {
            errors.add(FieldError.of("description", "required"));
        } else if (description.length() > DESCRIPTION_MAX) {
            errors.add(FieldError.of("description", "size", 1, DESCRIPTION_MAX));
        }
        for (String part : new String[] {"first_name", "last_name"}) {
            String value = form.get(part);
            if (value != null && value.length() > NAME_PART_MAX) {
                errors.add(FieldError.of(part, "size", 1, NAME_PART_MAX));
            }
        }
        InputValidator.failIfAny(errors);
    }

    private static ComplaintInput input(Open311Form form, Site site, ComplaintCategory category) {
        List<FieldError> errors = new ArrayList<>();
        Double lat = coordinate(form, "lat", errors);
        Double lon = coordinate(form, "long", errors);
        String firstName = form.get("first_name");
        String lastName = form.get("last_name");
        String name = firstName == null ? lastName : lastName == null ? firstName : firstName + " " + lastName;
        Map<String, Object> attributes = new LinkedHashMap<>();
        form.attributes().forEach((code, values) -> attributes.put(code, values.size() == 1 ? values.get(0) : values));
        // Open311 has no word for the kind (complaint, suggestion, information request): the category's
        // first kind is the one its reporters mean.
        return new ComplaintInput(category.kinds().isEmpty() ? null : category.kinds().get(0), category.code(), null,
                null, form.get("description"), site.code, null, null, null, null, lat, lon, form.get("address_string"),
                form.get("media_url"), name, form.get("email"), form.get("phone"), attributes);
    }

    private static Double coordinate(Open311Form form, String name, List<FieldError> errors) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(FieldError.of(name, "wrong-type"));
        return null;
    }

    /** The complaint service's field names and codes, in the parameter names an Open311 client sent. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("categoryCode", "service_code"), Map.entry("description", "description"),
            Map.entry("latitude", "lat"), Map.entry("longitude", "long"), Map.entry("address", "address_string"),
            Map.entry("mediaUrl", "media_url"), Map.entry("contactName", "first_name"),
            Map.entry("contactEmail", "email"), Map.entry("contactPhone", "phone"), Map.entry("siteCode", "jurisdiction_id"));

    private static ProblemException inOpen311Words(ProblemException e) {
        if (e.fieldErrors().isEmpty()) {
            return e;
        }
        List<FieldError> renamed = e.fieldErrors().stream().map(f -> {
            String field = f.field();
            if (field.startsWith("attributes.")) {
                field = "attribute[" + field.substring("attributes.".length()) + "]";
            } else {
                field = PARAMETERS.getOrDefault(field, field);
            }
            return new FieldError(field, f.code(), f.args());
        }).toList();
        ProblemException copy = new ProblemException(e.status(), e.code(), renamed, e.args());
        e.headers().forEach(copy::header);
        return copy;
    }

    // ---------------------------------------------------------------------------------------------
    // Reading requests

    /** GET tokens/{token}: every service here is realtime, so no token was ever given out. */
    public Uni<Open311Document> token(String token, Open311Query query) {
        return jurisdictions.site(query.jurisdiction()).map(site -> {
            throw new ProblemException(404, "open311-token-not-found", shorten(token));
        });
    }

    public Uni<Open311Document> request(String serviceRequestId, Open311Query query) {
        return jurisdictions.site(query.jurisdiction())
                .flatMap(site -> complaints.find(serviceRequestId, query.locale())
                        .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                                ? requestNotFound(serviceRequestId) : e)
                        .map(found -> {
                            // A request of another site is not this jurisdiction's: as unknown as a wrong id.
                            if (!site.code.equals(found.siteCode())) {
                                throw requestNotFound(serviceRequestId);
                            }
                            return List.of(found);
                        })
                        .flatMap(found -> requests(site, found, query.locale())));
    }

    /**
     * GET requests. service_request_id overrides every other filter. Otherwise requested_datetime
     * lies in [start_date, end_date], a span of at most 90 days; a missing end is 90 days after the
     * start (or now), a missing start 90 days before the end; at most 1000, newest first.
     */
    public Uni<Open311Document> requests(Open311Query query) {
        return Uni.createFrom().item(() -> filter(query)).flatMap(filter -> jurisdictions.site(query.jurisdiction())
                .flatMap(site -> complaints.list(withSite(filter, site.code), MAX_REQUESTS, query.locale())
                        .flatMap(found -> requests(site, found, query.locale()))));
    }

    private static PublicComplaintFilter filter(Open311Query query) {
        List<String> ids = query.list("service_request_id");
        if (ids.size() > MAX_REQUESTS) {
            throw ProblemException.validation("service_request_id", "size", 1, MAX_REQUESTS);
        }
        if (!ids.isEmpty()) {
            return new PublicComplaintFilter(ids, null, null, null, null, null);
        }
        List<String> codes = query.list("service_code");
        if (codes.size() > ID_MAX) {
            throw ProblemException.validation("service_code", "size", 1, ID_MAX);
        }
        OffsetDateTime start = query.dateTime("start_date");
        OffsetDateTime end = query.dateTime("end_date");
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                throw ProblemException.validation("end_date", "open311-end-before-start");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw ProblemException.validation("end_date", "open311-span-too-long", MAX_SPAN.toDays());
            }
        } else if (start != null) {
            end = start.plus(MAX_SPAN);
        } else {
            end = end != null ? end : OffsetDateTime.now(ZoneOffset.UTC);
            start = end.minus(MAX_SPAN);
        }
        Set<String> statuses = query.list("status").stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw ProblemException.validation("status", "open311-status");
            }
        }
        Boolean open = statuses.size() == 1 ? statuses.contains("open") : null;
        return new PublicComplaintFilter(null, codes.isEmpty() ? null : codes, null, start, end, open);
    }

    private static PublicComplaintFilter withSite(PublicComplaintFilter f, String siteCode) {
        return new PublicComplaintFilter(f.trackingCodes(), f.categoryCodes(), siteCode, f.from(), f.to(), f.open());
    }

    /** The requests in the site's own time zone, with the responsible agencies' names (one look-up). */
    private Uni<Open311Document> requests(Site site, List<PublicComplaint> found, Locale locale) {
        ZoneId zone = TimeZones.zone(site.timeZone);
        Set<String> agencyCodes = found.stream().map(PublicComplaint::agencyCode).filter(c -> c != null)
                .collect(Collectors.toSet());
        Uni<Map<String, String>> names = agencyCodes.isEmpty() ? Uni.createFrom().item(Map.of())
                : agencies.byCodes(agencyCodes).map(byCode -> byCode.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name)));
        return names.map(agencyNames -> Open311Document.list("service_requests", "request", found.stream()
                .map(c -> Open311Document.fields()
                        .put("service_request_id", c.trackingCode())
                        .put("status", c.open() ? "open" : "closed")
                        .put("status_notes", c.statusNotes())
                        .put("service_name", c.categoryName())
                        .put("service_code", c.categoryCode())
                        .put("description", c.description())
                        .put("agency_responsible", c.agencyCode() == null ? null
                                : agencyNames.getOrDefault(c.agencyCode(), c.agencyCode()))
                        .put("service_notice", null)
                        .put("requested_datetime", local(c.requestedAt(), zone))
                        .put("updated_datetime", local(c.updatedAt(), zone))
                        // The deadline is a working day at the site: expected by the end of it.
                        .put("expected_datetime", c.expectedOn() == null ? null
                                : c.expectedOn().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toOffsetDateTime())
                        .put("address", c.address())
                        .put("address_id", null)
                        .put("zipcode", null)
                        .put("lat", c.latitude())
                        .put("long", c.longitude())
                        .put("media_url", c.mediaUrl()))
                .toList()));
    }

    private static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static ProblemException requestNotFound(String id) {
        return new ProblemException(404, "open311-request-not-found", shorten(id));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String shorten(String value) {
        return Open311Format.shorten(value);
    }
}
