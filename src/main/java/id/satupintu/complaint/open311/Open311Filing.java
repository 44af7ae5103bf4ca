package id.satupintu.complaint.open311;

import id.satupintu.catalog.SiteProfile;
import id.satupintu.complaint.ComplaintView;
import id.satupintu.complaint.filing.ComplaintCategory;
import id.satupintu.complaint.filing.ComplaintFiling;
import id.satupintu.complaint.filing.ComplaintInput;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * POST requests: a GeoReport form filed as a complaint. Every service is "realtime" (the id comes
 * back at once), so this server never hands out tokens.
 */
@ApplicationScoped
class Open311Filing {

    /** "free form text limited to 4,000 characters" */
    static final int DESCRIPTION_MAX = 4000;
    static final int NAME_PART_MAX = 100;

    @Inject
    Open311ApiKeys apiKeys;

    @Inject
    Open311Jurisdictions jurisdictions;

    @Inject
    Open311Services services;

    @Inject
    ComplaintFiling filing;

    @Inject
    Messages messages;

    /**
     * POST requests, for the API client the api_key names (see {@link Open311ApiKeys}). The
     * reporter's contact (email, first_name, last_name, phone) goes to the complaint service, which
     * keeps it encrypted and never shows it in GeoReport output; device_id and account_id are not
     * kept. Without contact the complaint is anonymous.
     */
    Uni<Open311Document> create(Open311Form form, Open311Query query, String clientAddress) {
        return apiKeys.client(form.get("api_key"))
                .flatMap(caller -> jurisdictions.site(first(form.get("jurisdiction_id"), query.jurisdiction()))
                        .invoke(site -> check(form))
                        .flatMap(site -> services.category(form.get("service_code"), Messages.INDONESIAN)
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

    private static ComplaintInput input(Open311Form form, SiteProfile site, ComplaintCategory category) {
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
                null, form.get("description"), site.code(), null, null, null, null, lat, lon, form.get("address_string"),
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

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
