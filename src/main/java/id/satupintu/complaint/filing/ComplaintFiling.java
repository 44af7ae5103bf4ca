package id.satupintu.complaint.filing;

import static id.satupintu.platform.error.InputValidator.blank;
import static id.satupintu.platform.error.InputValidator.isEmail;
import static id.satupintu.platform.error.InputValidator.isWebUrl;
import static id.satupintu.platform.error.InputValidator.maxLength;
import static id.satupintu.platform.error.InputValidator.trimToNull;

import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintAccess;
import id.satupintu.complaint.ComplaintCodes;
import id.satupintu.complaint.ComplaintKind;
import id.satupintu.complaint.ComplaintRecorder;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.complaint.ComplaintState;
import id.satupintu.complaint.ComplaintViews;
import id.satupintu.complaint.ReporterMode;
import id.satupintu.complaint.Visibility;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Filing a complaint: signed-in (identified or confidential), anonymous, or through an API client.
 * REST, GraphQL and the Open311 interface call it with the caller (null when nobody signed in);
 * what is kept of the reporter, and who may file at all, is decided here.
 */
@ApplicationScoped
public class ComplaintFiling {

    static final int TEXT_MAX = 5000;
    static final int TITLE_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int NAME_MAX = 200;

    @Inject
    ComplaintConfig config;

    @Inject
    ComplaintCategories categories;

    @Inject
    ComplaintRateLimit rateLimit;

    @Inject
    ComplaintLinks links;

    @Inject
    ComplaintDuplicates duplicates;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtection protection;

    @Inject
    ComplaintRecorder recorder;

    @Inject
    ComplaintViews views;

    @Inject
    Clock clock;

    /**
     * Files a complaint. {@code caller} is null for someone not signed in (anonymous only); a citizen
     * may file identified, confidential or anonymous; an API client needs scope complaints:write and
     * may pass its user's contact. Anonymous and public submissions are rate-limited per
     * {@code clientAddress} (per client for API clients); an identical complaint within the duplicate
     * window is a 409 naming the first one. The secret of an anonymous complaint is in the answer,
     * and only there.
     */
    public Uni<FiledComplaint> file(Caller caller, ComplaintInput input, String clientAddress) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        ReporterMode mode = modeOf(caller, input);
        List<FieldError> errors = check(input, mode);
        InputValidator.failIfAny(errors);
        Instant now = clock.now();
        Uni<Void> limited;
        if (caller != null && caller.client()) {
            limited = rateLimit.hit("client:" + caller.id(), config.complaints().rateLimit().perClient(), now);
        } else if (caller == null || mode == ReporterMode.ANONYMOUS) {
            limited = rateLimit.hit("address:" + (clientAddress == null ? "unknown" : clientAddress),
                    config.complaints().rateLimit().perAddress(), now);
        } else {
            limited = Uni.createFrom().voidItem();
        }
        return limited.flatMap(ignored -> Panache.withTransaction(() -> create(caller, input, mode, now)));
    }

    private static ReporterMode modeOf(Caller caller, ComplaintInput input) {
        if (caller == null) {
            if (input.mode() != null && input.mode() != ReporterMode.ANONYMOUS) {
                // Identity can only be kept for someone who signed in (or a client vouching for its user).
                throw ProblemException.validation("mode", "complaint-sign-in-required");
            }
            return ReporterMode.ANONYMOUS;
        }
        if (caller.client()) {
            if (!caller.hasScope(Scopes.COMPLAINTS_WRITE)) {
                throw ProblemException.forbidden();
            }
            if (input.mode() != null) {
                return input.mode();
            }
            return hasContact(input) ? ReporterMode.IDENTIFIED : ReporterMode.ANONYMOUS;
        }
        if (!caller.isCitizen()) {
            // Staff record what citizens tell them through their own accounts' channels, not as reporters.
            throw new ProblemException(403, "complaint-citizens-only");
        }
        return input.mode() == null ? ReporterMode.IDENTIFIED : input.mode();
    }

    private static boolean hasContact(ComplaintInput input) {
        return !blank(input.contactName()) || !blank(input.contactEmail()) || !blank(input.contactPhone());
    }

    /** Everything that can be checked without the database. */
    private static List<FieldError> check(ComplaintInput input, ReporterMode mode) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(input.categoryCode())) {
            errors.add(FieldError.of("categoryCode", "required"));
        }
        if (blank(input.description())) {
            errors.add(FieldError.of("description", "required"));
        } else if (input.description().length() > TEXT_MAX) {
            errors.add(FieldError.of("description", "max-length", TEXT_MAX));
        }
        maxLength(errors, "title", input.title(), TITLE_MAX);
        maxLength(errors, "address", input.address(), ADDRESS_MAX);
        maxLength(errors, "contactName", input.contactName(), NAME_MAX);
        if ((input.latitude() == null) != (input.longitude() == null)) {
            errors.add(FieldError.of(input.latitude() == null ? "latitude" : "longitude", "required"));
        }
        if (input.latitude() != null && !(input.latitude() >= -90 && input.latitude() <= 90)) {
            errors.add(FieldError.of("latitude", "complaint-out-of-range", -90, 90));
        }
        if (input.longitude() != null && !(input.longitude() >= -180 && input.longitude() <= 180)) {
            errors.add(FieldError.of("longitude", "complaint-out-of-range", -180, 180));
        }
        if (input.mediaUrl() != null && !isWebUrl(input.mediaUrl())) {
            errors.add(FieldError.of("mediaUrl", "invalid-format"));
        }
        if (input.contactEmail() != null
                && (input.contactEmail().length() > NAME_MAX || !isEmail(input.contactEmail().trim()))) {
            errors.add(FieldError.of("contactEmail", "invalid-email"));
        }
        if (input.contactPhone() != null && PhoneNumber.normalize(input.contactPhone()).isEmpty()) {
            errors.add(FieldError.of("contactPhone", "invalid-format"));
        }
        if (mode == ReporterMode.ANONYMOUS) {
            // Anonymous means nothing that could lead back to the reporter is kept.
            for (String field : new String[] {"contactName", "contactEmail", "contactPhone"}) {
                Object value = switch (field) {
                    case "contactName" -> input.contactName();
                    case "contactEmail" -> input.contactEmail();
                    default -> input.contactPhone();
                };
                if (value != null) {
                    errors.add(FieldError.of(field, "complaint-not-with-anonymous"));
                }
            }
            if (input.applicationTrackingNumber() != null) {
                errors.add(FieldError.of("applicationTrackingNumber", "complaint-not-with-anonymous"));
            }
            if (input.ticketId() != null) {
                errors.add(FieldError.of("ticketId", "complaint-not-with-anonymous"));
            }
        }
        if (input.attributes() != null && input.attributes().size() > 50) {
            errors.add(FieldError.of("attributes", "size", 0, 50));
        }
        return errors;
    }

    private Uni<FiledComplaint> create(Caller caller, ComplaintInput input, ReporterMode mode, Instant now) {
        ComplaintKind kind = input.kind() == null ? ComplaintKind.PENGADUAN : input.kind();
        List<FieldError> errors = new ArrayList<>();
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.kind = kind;
        c.reporterMode = mode;
        c.title = trimToNull(input.title());
        c.description = input.description().trim();
        c.latitude = input.latitude();
        c.longitude = input.longitude();
        c.address = trimToNull(input.address());
        c.mediaUrl = trimToNull(input.mediaUrl());
        c.state = ComplaintState.RECEIVED;
        if (caller != null && caller.client()) {
            c.filedByClient = caller.id();
        } else if (caller != null && mode != ReporterMode.ANONYMOUS) {
            c.reporterId = caller.id();
        }
        if (mode != ReporterMode.ANONYMOUS) {
            c.contactName = protect(trimToNull(input.contactName()));
            c.contactEmail = protect(input.contactEmail() == null ? null
                    : input.contactEmail().trim().toLowerCase(Locale.ROOT));
            c.contactPhone = protect(PhoneNumber.normalize(input.contactPhone()).orElse(null));
        }
        String secret = mode == ReporterMode.ANONYMOUS ? ComplaintCodes.newSecret() : null;
        c.secretHash = secret == null ? null : ComplaintCodes.sha256(secret);
        return categories.find(input.categoryCode(), Messages.INDONESIAN)
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("categoryCode", "complaint-unknown-category", input.categoryCode()));
                    return null;
                })
                .invoke(category -> {
                    if (category != null) {
                        c.categoryCode = category.code();
                        if (!category.kinds().contains(kind)) {
                            errors.add(FieldError.of("categoryCode", "complaint-category-not-for-kind",
                                    category.code(), kind));
                        }
                        c.attributes = CategoryAnswers.check(category, input.attributes(), errors);
                    }
                })
                .flatMap(category -> links.resolve(caller, input, c, errors))
                .flatMap(ignored -> {
                    InputValidator.failIfAny(errors);
                    c.contentHash = ComplaintDuplicates.contentHash(c, caller, input);
                    return duplicates.firstOf(c.contentHash);
                })
                .flatMap(first -> {
                    if (first != null) {
                        throw ProblemException.conflict("complaint-duplicate", first);
                    }
                    return calendar.addWorkingDays(c.siteCode, now, config.complaints().verifyDays().of(kind));
                })
                .flatMap(due -> {
                    c.verifyDue = due;
                    c.dueOn = due;
                    c.trackingCode = ComplaintCodes.nextTrackingCode();
                    c.createdAt = Complaint.timestamp(now);
                    c.updatedAt = c.createdAt;
                    return c.<Complaint>persist();
                })
                .flatMap(saved -> recorder.record(c, "file", null, ComplaintState.RECEIVED,
                        ComplaintAccess.actorIdOf(caller, c), "reporter", null, null, Visibility.PUBLIC, null))
                .flatMap(ignored -> views.view(caller, secret, c))
                .map(view -> new FiledComplaint(view, secret));
    }

    private String protect(String value) {
        return value == null ? null : protection.encrypt(value);
    }
}
