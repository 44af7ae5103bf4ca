package id.satupintu.complaint;

import id.satupintu.application.ApplicationService;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import id.satupintu.queue.QueueTickets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Complaints: filing (signed-in, confidential, anonymous, through an API client), the handling
 * workflow, responses, deadlines and the reads. REST, GraphQL and the Open311 interface call these
 * methods with the caller (null when nobody signed in) and, for an anonymous reporter, the secret;
 * every privacy and authorization decision is taken here.
 */
@ApplicationScoped
public class ComplaintService {

    /** The scope an API client needs to file complaints (Open311 apps, integrators). */
    public static final String WRITE_SCOPE = "complaints:write";

    static final int TEXT_MAX = 5000;
    static final int NOTE_MAX = 2000;
    static final int TITLE_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int NAME_MAX = 200;
    static final int URL_MAX = 2000;
    static final int ATTRIBUTE_MAX = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    ComplaintSettings settings;

    @Inject
    ComplaintCategories categories;

    @Inject
    ComplaintRateLimit rateLimit;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    SiteService sites;

    @Inject
    AgencyService agencies;

    @Inject
    ServiceCatalog catalog;

    @Inject
    ApplicationService applications;

    @Inject
    QueueTickets tickets;

    @Inject
    PersonalDataProtection protection;

    @Inject
    EventLog events;

    // ---------------------------------------------------------------------------------------------
    // Filing

    /**
     * Files a complaint. {@code caller} is null for someone not signed in (anonymous only); a citizen
     * may file identified, confidential or anonymous; an API client needs {@link #WRITE_SCOPE} and
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
        Instant now = Instant.now();
        Uni<Void> limited;
        if (caller != null && caller.client()) {
            limited = rateLimit.hit("client:" + caller.id(), settings.perClient(), now);
        } else if (caller == null || mode == ReporterMode.ANONYMOUS) {
            limited = rateLimit.hit("address:" + (clientAddress == null ? "unknown" : clientAddress),
                    settings.perAddress(), now);
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
            if (!caller.hasScope(WRITE_SCOPE)) {
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
                && (input.contactEmail().length() > NAME_MAX || !EMAIL.matcher(input.contactEmail().trim()).matches())) {
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
                        c.attributes = checkAttributes(category, input.attributes(), errors);
                    }
                })
                .flatMap(category -> links(caller, input, c, errors))
                .flatMap(ignored -> {
                    InputValidator.failIfAny(errors);
                    c.contentHash = contentHash(c, caller, input);
                    return duplicateOf(c.contentHash);
                })
                .flatMap(first -> {
                    if (first != null) {
                        throw ProblemException.conflict("complaint-duplicate", first);
                    }
                    return calendar.addWorkingDays(c.siteCode, now, settings.verifyDays(kind));
                })
                .flatMap(due -> {
                    c.verifyDue = due;
                    c.dueOn = due;
                    c.trackingCode = ComplaintCodes.nextTrackingCode();
                    c.createdAt = at(now);
                    c.updatedAt = c.createdAt;
                    return c.<Complaint>persist();
                })
                .flatMap(saved -> record(c, "file", null, ComplaintState.RECEIVED, actorIdOf(caller, c), "reporter",
                        null, null, Visibility.PUBLIC, null))
                .flatMap(ignored -> view(caller, secret, c))
                .map(view -> new FiledComplaint(view, secret));
    }

    /**
     * Checks and resolves the optional links: site, agency, service, application, ticket. The site is
     * required in the end (its calendar counts the deadlines, its desk handles the complaint); it
     * follows from the application, or from an agency or service that serves at one site only.
     */
    private Uni<Void> links(Caller caller, ComplaintInput input, Complaint c, List<FieldError> errors) {
        Uni<String> fromApplication = Uni.createFrom().nullItem();
        if (input.applicationTrackingNumber() != null) {
            fromApplication = applications.ownedBy(caller, input.applicationTrackingNumber())
                    .map(app -> {
                        c.applicationNumber = app.trackingNumber();
                        if (c.serviceCode == null && input.serviceCode() == null) {
                            c.serviceCode = app.serviceCode();
                        }
                        return app.siteCode();
                    })
                    .onFailure(ProblemException.class).recoverWithItem(e -> {
                        errors.add(FieldError.of("applicationTrackingNumber", "complaint-not-your-application"));
                        return null;
                    });
        }
        return fromApplication.flatMap(appSite -> ticket(caller, input, c, errors)
                .flatMap(ticketSite -> service(input, c, errors))
                .flatMap(serviceAgency -> agency(input, c, errors, serviceAgency))
                .flatMap(agencySites -> site(input, c, errors, appSite, agencySites)));
    }

    private Uni<String> ticket(Caller caller, ComplaintInput input, Complaint c, List<FieldError> errors) {
        if (input.ticketId() == null) {
            return Uni.createFrom().nullItem();
        }
        return tickets.readable(caller, input.ticketId().toString())
                .map(ticket -> {
                    if (!caller.id().equals(ticket.holderId())) {
                        errors.add(FieldError.of("ticketId", "complaint-not-your-ticket"));
                        return null;
                    }
                    c.ticketId = input.ticketId();
                    return ticket.siteCode();
                })
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("ticketId", "complaint-not-your-ticket"));
                    return null;
                });
    }

    private Uni<String> service(ComplaintInput input, Complaint c, List<FieldError> errors) {
        if (input.serviceCode() == null) {
            return c.serviceCode == null ? Uni.createFrom().nullItem() : catalog.agencyOf(c.serviceCode);
        }
        return catalog.agencyOf(input.serviceCode())
                .invoke(agency -> c.serviceCode = input.serviceCode())
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("serviceCode", "complaint-unknown-service", input.serviceCode()));
                    return null;
                });
    }

    /** The named agency (or the service's), and the sites it serves at. */
    private Uni<List<String>> agency(ComplaintInput input, Complaint c, List<FieldError> errors, String serviceAgency) {
        String code = input.agencyCode() != null ? input.agencyCode() : serviceAgency;
        if (code == null) {
            return Uni.createFrom().item(List.of());
        }
        return agencies.find(code)
                .map(agency -> {
                    c.agencyCode = agency.code;
                    return agency.sites.stream().map(site -> site.code).sorted().toList();
                })
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("agencyCode", "complaint-unknown-agency", code));
                    return List.of();
                });
    }

    private Uni<Void> site(ComplaintInput input, Complaint c, List<FieldError> errors, String appSite,
                           List<String> agencySites) {
        String code = input.siteCode() != null ? input.siteCode()
                : appSite != null ? appSite
                : agencySites.size() == 1 ? agencySites.get(0) : null;
        if (code == null) {
            if (errors.isEmpty()) {
                errors.add(FieldError.of("siteCode", "required"));
            }
            return Uni.createFrom().voidItem();
        }
        return sites.find(code)
                .invoke(site -> c.siteCode = site.code)
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("siteCode", "complaint-unknown-site", code));
                    return null;
                })
                .replaceWithVoid();
    }

    /** The answers to the category's extra questions: known codes only, required ones present, numbers numeric. */
    private static Map<String, Object> checkAttributes(ComplaintCategory category, Map<String, Object> given,
                                                       List<FieldError> errors) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, ComplaintCategory.Attribute> known = new LinkedHashMap<>();
        category.attributes().forEach(a -> known.put(a.code(), a));
        for (var entry : values.entrySet()) {
            String field = "attributes." + entry.getKey();
            ComplaintCategory.Attribute attribute = known.get(entry.getKey());
            Object value = entry.getValue();
            if (attribute == null) {
                errors.add(FieldError.of(field, "unknown-field"));
            } else if (value == null) {
                continue;
            } else if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                errors.add(FieldError.of(field, "wrong-type"));
            } else if (String.valueOf(value).length() > ATTRIBUTE_MAX) {
                errors.add(FieldError.of(field, "max-length", ATTRIBUTE_MAX));
            } else if ("number".equals(attribute.datatype()) && !isNumber(value)) {
                errors.add(FieldError.of(field, "wrong-type"));
            } else if ("datetime".equals(attribute.datatype()) && !isDateTime(value)) {
                errors.add(FieldError.of(field, "invalid-format"));
            } else {
                kept.put(entry.getKey(), value);
            }
        }
        for (ComplaintCategory.Attribute attribute : category.attributes()) {
            if (attribute.required() && values.get(attribute.code()) == null) {
                errors.add(FieldError.of("attributes." + attribute.code(), "required"));
            }
        }
        return kept;
    }

    /**
     * What makes two submissions the same complaint: kind, category, site link and the text with case,
     * spacing and punctuation ignored, from the same reporter. For an anonymous complaint the
     * reporter is left out on purpose: nothing that leads back to them is kept, not even hashed.
     */
    private static String contentHash(Complaint c, Caller caller, ComplaintInput input) {
        String reporter = switch (c.reporterMode) {
            case ANONYMOUS -> "anonymous";
            default -> c.reporterId != null ? "user:" + c.reporterId
                    : "client:" + caller.id() + ":" + String.valueOf(input.contactEmail()).trim().toLowerCase(Locale.ROOT);
        };
        String text = NOT_WORD.matcher(c.description.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return ComplaintCodes.sha256(String.join("\u0000", c.kind.name(), c.categoryCode, c.siteCode, reporter, text));
    }

    /**
     * The tracking code of the same complaint filed within the window, or null. Filings of one content
     * hash are serialized by a transaction lock, so of two racing twins the second sees the first.
     */
    private Uni<String> duplicateOf(String contentHash) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofMinutes(settings.duplicateWindowMinutes()));
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 7))) as locked")
                        .setParameter(1, "complaint:" + contentHash).getSingleResult())
                .flatMap(locked -> Panache.getSession().flatMap(session -> session.createSelectionQuery(
                                "select c.trackingCode from Complaint c where c.contentHash = ?1 and c.createdAt > ?2 "
                                        + "order by c.createdAt", String.class)
                        .setParameter(1, contentHash).setParameter(2, since).setMaxResults(1).getResultList()))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    // ---------------------------------------------------------------------------------------------
    // Handling

    /**
     * Takes a handling step. The complaint row is locked for the transaction, so of two staff acting
     * at once one wins and the other finds the state moved on (409 complaint-invalid-transition).
     */
    @WithTransaction
    public Uni<ComplaintView> transition(Caller caller, String trackingCode, String secret,
                                         ComplaintTransitionInput input) {
        ComplaintWorkflow.Transition transition = checkTransition(input);
        return locked(caller, secret, trackingCode).flatMap(c -> {
            var actors = ComplaintAccess.actorsOf(caller, secret, c);
            ComplaintWorkflow.Actor actor = transition.actors().stream().filter(actors::contains).findFirst()
                    .orElseThrow(ProblemException::forbidden);
            if (!transition.from().contains(c.state)) {
                throw ProblemException.conflict("complaint-invalid-transition", transition.action(), c.state);
            }
            return step(caller, secret, c, transition, actor, input);
        });
    }

    private Uni<ComplaintView> step(Caller caller, String secret, Complaint c, ComplaintWorkflow.Transition transition,
                                    ComplaintWorkflow.Actor actor, ComplaintTransitionInput input) {
        Instant now = Instant.now();
        ComplaintState from = c.state;
        String agency = actor == ComplaintWorkflow.Actor.AGENCY ? c.forwardedTo : null;
        String reason = input.reason();
        Uni<Void> effects = Uni.createFrom().voidItem();
        switch (transition.action()) {
            case "reject" -> {
                if (input.rejectReason() == null) {
                    throw ProblemException.validation("rejectReason", "required");
                }
                c.rejectReason = input.rejectReason();
                reason = input.rejectReason().name();
                stopClock(c);
            }
            case "forward" -> {
                if (blank(input.agencyCode())) {
                    throw ProblemException.validation("agencyCode", "required");
                }
                if (input.agencyCode().equals(c.forwardedTo)) {
                    throw ProblemException.conflict("complaint-already-with-agency", input.agencyCode());
                }
                agency = input.agencyCode();
                effects = agencies.find(input.agencyCode())
                        .onFailure(ProblemException.class).transform(e -> ProblemException.validation("agencyCode",
                                "complaint-unknown-agency", input.agencyCode()))
                        .flatMap(found -> {
                            c.forwardedTo = found.code;
                            return restartClock(c, settings.followUpDays(c.kind), now);
                        });
            }
            case "answer", "resolve" -> {
                stopClock(c);
                c.settledAt = at(now);
            }
            case "close" -> {
                if (input.rating() != null) {
                    if (actor != ComplaintWorkflow.Actor.REPORTER) {
                        throw ProblemException.validation("rating", "complaint-reporter-only");
                    }
                    if (input.rating() < 1 || input.rating() > 5) {
                        throw ProblemException.validation("rating", "complaint-out-of-range", 1, 5);
                    }
                    c.rating = input.rating();
                }
                stopClock(c);
                c.settledAt = at(now);
            }
            case "reopen" -> {
                if (c.reopenCount >= settings.maxReopens()) {
                    throw ProblemException.conflict("complaint-reopen-limit", settings.maxReopens());
                }
                if (c.settledAt == null
                        || now.isAfter(c.settledAt.toInstant().plus(Duration.ofDays(settings.reopenDays())))) {
                    throw ProblemException.conflict("complaint-reopen-window-closed", settings.reopenDays());
                }
                c.reopenCount++;
                c.rating = null;
                agency = c.forwardedTo;
                effects = restartClock(c, settings.followUpDays(c.kind), now);
            }
            default -> {
                // verify, start-follow-up: the deadline keeps running.
            }
        }
        String recordedAgency = agency;
        String finalReason = reason;
        return effects.flatMap(ignored -> {
            c.state = transition.to();
            c.updatedAt = at(now);
            String actorId = actor == ComplaintWorkflow.Actor.REPORTER ? actorIdOf(caller, c) : caller.id();
            return record(c, transition.action(), from, transition.to(), actorId,
                    ComplaintAccess.roleOf(caller, actor), recordedAgency, trimToNull(input.note()),
                    Visibility.PUBLIC, finalReason);
        }).flatMap(ignored -> view(caller, secret, c));
    }

    /** A new deadline of {@code days} working days from today at the site (forwarding, reopening). */
    private Uni<Void> restartClock(Complaint c, int days, Instant now) {
        return calendar.addWorkingDays(c.siteCode, now, days).invoke(due -> {
            c.followUpDue = due;
            c.dueOn = due;
            c.dueSoonAt = null;
            c.lateAt = null;
        }).replaceWithVoid();
    }

    private static void stopClock(Complaint c) {
        c.dueOn = null;
        c.dueSoonAt = null;
        c.lateAt = null;
    }

    private static ComplaintWorkflow.Transition checkTransition(ComplaintTransitionInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        ComplaintWorkflow.Transition transition = null;
        if (blank(input.action())) {
            errors.add(FieldError.of("action", "required"));
        } else {
            transition = ComplaintWorkflow.find(input.action()).orElse(null);
            if (transition == null) {
                errors.add(FieldError.of("action", "unknown-action", input.action()));
            }
        }
        maxLength(errors, "note", input.note(), NOTE_MAX);
        maxLength(errors, "reason", input.reason(), NOTE_MAX);
        if (transition != null && transition.reasonRequired() && blank(input.reason())) {
            errors.add(FieldError.of("reason", "required"));
        }
        if (transition != null && transition.noteRequired() && blank(input.note())) {
            errors.add(FieldError.of("note", "required"));
        }
        InputValidator.failIfAny(errors);
        return transition;
    }

    /**
     * A message without a state change. Staff of the desk or the handling agency write a public
     * response or an internal note; the reporter replies (always public). Public messages are not
     * taken on a closed or rejected complaint (the reporter reopens instead); notes always are.
     */
    @WithTransaction
    public Uni<ComplaintHistoryEntry> respond(Caller caller, String trackingCode, String secret,
                                              ComplaintResponseInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(input.text())) {
            errors.add(FieldError.of("text", "required"));
        }
        maxLength(errors, "text", input.text(), NOTE_MAX);
        InputValidator.failIfAny(errors);
        Visibility visibility = input.visibility() == null ? Visibility.PUBLIC : input.visibility();
        return locked(caller, secret, trackingCode).flatMap(c -> {
            boolean staff = ComplaintAccess.isStaff(caller, c);
            boolean reporter = ComplaintAccess.isReporter(caller, secret, c);
            if (!staff && visibility == Visibility.INTERNAL) {
                throw ProblemException.validation("visibility", "complaint-staff-only");
            }
            if (visibility == Visibility.PUBLIC && (c.state == ComplaintState.CLOSED || c.state == ComplaintState.REJECTED)) {
                throw ProblemException.conflict("complaint-closed", c.state);
            }
            String action;
            String actorId;
            String role;
            String agency = null;
            if (staff) {
                action = visibility == Visibility.INTERNAL ? "note" : "respond";
                actorId = caller.id();
                ComplaintWorkflow.Actor as = ComplaintAccess.isDesk(caller, c) ? ComplaintWorkflow.Actor.DESK
                        : ComplaintWorkflow.Actor.AGENCY;
                role = ComplaintAccess.roleOf(caller, as);
                agency = as == ComplaintWorkflow.Actor.AGENCY ? c.forwardedTo : null;
            } else if (reporter) {
                action = "reply";
                actorId = actorIdOf(caller, c);
                role = "reporter";
            } else {
                throw ProblemException.forbidden();
            }
            c.updatedAt = now();
            return record(c, action, c.state, c.state, actorId, role, agency, input.text().trim(), visibility, null)
                    .map(entry -> ComplaintHistoryEntry.of(entry, staff, ComplaintAccess.seesIdentity(caller, secret, c)));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Reads

    @WithSession
    public Uni<ComplaintView> find(Caller caller, String trackingCode, String secret) {
        return readable(caller, secret, trackingCode).flatMap(c -> view(caller, secret, c));
    }

    /** The history, oldest first; internal notes and staff ids for staff only. */
    @WithSession
    public Uni<List<ComplaintHistoryEntry>> history(Caller caller, String trackingCode, String secret) {
        return readable(caller, secret, trackingCode).flatMap(c -> {
            boolean staff = ComplaintAccess.isStaff(caller, c);
            boolean identity = ComplaintAccess.seesIdentity(caller, secret, c);
            return ComplaintHistory.<ComplaintHistory>find("complaintId = ?1 order by id", c.id).list()
                    .map(list -> list.stream().filter(h -> staff || h.visibility == Visibility.PUBLIC)
                            .map(h -> ComplaintHistoryEntry.of(h, staff, identity)).toList());
        });
    }

    /** The event stream of a complaint the caller may read, for SSE and subscriptions. */
    @WithSession
    public Uni<String> streamOf(Caller caller, String trackingCode, String secret) {
        return readable(caller, secret, trackingCode).map(Complaint::stream);
    }

    /** The caller's own complaints (a citizen's, or an API client's filings), newest change first. */
    @WithSession
    public Uni<Page<ComplaintSummary>> mine(Caller caller, String cursor, int limit) {
        if (caller.client() ? !caller.hasScope(WRITE_SCOPE) : !caller.isCitizen()) {
            throw ProblemException.forbidden();
        }
        StringBuilder hql = new StringBuilder(caller.client() ? "filedByClient = :me" : "reporterId = :me");
        Parameters params = Parameters.with("me", caller.id());
        return pageByUpdate(hql, params, cursor, limit);
    }

    /**
     * The handling list. The site's desk sees its site's complaints (an admin names a site or sees
     * all); agency staff see what is forwarded to their agency. No reporter identity in any line.
     */
    @WithSession
    public Uni<Page<ComplaintSummary>> list(Caller caller, ComplaintFilter filter, String cursor, int limit) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.client()) {
            throw ProblemException.forbidden();
        } else if (caller.hasRole(Roles.ADMIN)) {
            if (filter.siteCode() != null) {
                hql.append(" and siteCode = :site");
                params.and("site", filter.siteCode());
            }
        } else if (ComplaintAccess.isDeskOf(caller, caller.siteCode())) {
            if (filter.siteCode() != null && !filter.siteCode().equals(caller.siteCode())) {
                throw ProblemException.forbidden();
            }
            hql.append(" and siteCode = :site");
            params.and("site", caller.siteCode());
        } else if (caller.agencyCode() != null && caller.hasAnyRole(Roles.OFFICER, Roles.SUPERVISOR)) {
            hql.append(" and forwardedTo = :agency");
            params.and("agency", caller.agencyCode());
        } else {
            throw ProblemException.forbidden();
        }
        if (filter.state() != null) {
            hql.append(" and state = :state");
            params.and("state", filter.state());
        }
        if (filter.kind() != null) {
            hql.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.categoryCode() != null) {
            hql.append(" and categoryCode = :category");
            params.and("category", filter.categoryCode());
        }
        if (filter.agencyCode() != null) {
            hql.append(" and forwardedTo = :forwardedTo");
            params.and("forwardedTo", filter.agencyCode());
        }
        if (filter.late() != null) {
            hql.append(filter.late() ? " and lateAt is not null" : " and lateAt is null");
        }
        return pageByUpdate(hql, params, cursor, limit);
    }

    private Uni<Page<ComplaintSummary>> pageByUpdate(StringBuilder hql, Parameters params, String cursor, int limit) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(cursor);
        return Complaint.<Complaint>find(Cursor.newestUpdatedFirst(hql, params, after), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, c -> Cursor.encode(c.updatedAt.toString(), c.id.toString()))
                        .map(ComplaintSummary::of));
    }

    /** Public view of one complaint (Open311 GET requests/{id}); unknown and malformed codes are 404. */
    @WithSession
    public Uni<PublicComplaint> publicFind(String trackingCode, Locale locale) {
        String code = ComplaintCodes.normalize(trackingCode);
        if (!ComplaintCodes.isWellFormed(code)) {
            return Uni.createFrom().failure(ProblemException.notFound("complaint", trackingCode));
        }
        return Complaint.<Complaint>find("trackingCode", code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("complaint", trackingCode))
                .flatMap(c -> publicViews(List.of(c), locale)).map(list -> list.get(0));
    }

    /** The public list (Open311 GET requests), newest filing first, at most {@code limit}. */
    @WithSession
    public Uni<List<PublicComplaint>> publicList(PublicComplaintFilter filter, int limit, Locale locale) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.trackingCodes() != null && !filter.trackingCodes().isEmpty()) {
            hql.append(" and trackingCode in :codes");
            params.and("codes", filter.trackingCodes().stream().map(ComplaintCodes::normalize).toList());
        }
        if (filter.categoryCodes() != null && !filter.categoryCodes().isEmpty()) {
            hql.append(" and categoryCode in :categories");
            params.and("categories", filter.categoryCodes());
        }
        if (filter.siteCode() != null) {
            hql.append(" and siteCode = :site");
            params.and("site", filter.siteCode());
        }
        if (filter.from() != null) {
            hql.append(" and createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            hql.append(" and createdAt <= :to");
            params.and("to", filter.to());
        }
        if (filter.open() != null) {
            hql.append(filter.open() ? " and state not in :closed" : " and state in :closed");
            params.and("closed", List.of(ComplaintState.CLOSED, ComplaintState.REJECTED));
        }
        hql.append(" order by createdAt desc, id desc");
        return Complaint.<Complaint>find(hql.toString(), params).page(0, limit).list()
                .flatMap(rows -> publicViews(rows, locale));
    }

    /** The categories in the reader's language, with their extra questions. */
    public Uni<List<ComplaintCategory>> categories(Locale locale) {
        return categories.list(locale);
    }

    /**
     * "Which agencies break deadlines": per agency (null = the site's desk, for verification), how
     * many deadlines it missed at the site and how many of its complaints are late now, worst first.
     * For the site's desk and administrators.
     */
    @WithSession
    public Uni<List<AgencyDeadlineRecord>> deadlineRecord(Caller caller, String siteCode) {
        if (blank(siteCode)) {
            throw ProblemException.validation("site", "required");
        }
        if (!ComplaintAccess.isDeskOf(caller, siteCode)) {
            throw ProblemException.forbidden();
        }
        return sites.find(siteCode).flatMap(site -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select b.agency_code, count(*) as missed, "
                        + "count(*) filter (where c.late_at is not null and c.due_on = b.due_on) as late_now "
                        + "from complaint_breach b join complaint c on c.id = b.complaint_id where b.site_code = ?1 "
                        + "group by b.agency_code order by missed desc, late_now desc, b.agency_code nulls first",
                        Object[].class)
                .setParameter(1, siteCode).getResultList()))
                .map(rows -> rows.stream().map(row -> new AgencyDeadlineRecord((String) row[0],
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList());
    }

    // ---------------------------------------------------------------------------------------------
    // Deadlines (called by ComplaintWatch, in its transaction, the row locked)

    /** The running deadline has passed: flagged once, recorded for the supervisors' report, escalated. */
    Uni<Boolean> markLate(Complaint c, Instant now) {
        c.lateAt = at(now);
        boolean followUp = ComplaintState.FOLLOW_UP_STAGE.contains(c.state);
        String stage = followUp ? "FOLLOW_UP" : "VERIFY";
        String agency = followUp ? c.forwardedTo : null;
        Map<String, Object> payload = payload(c, "late", c.state);
        payload.put("stage", stage);
        Map<String, Object> escalation = new LinkedHashMap<>(payload);
        escalation.put("agencyCode", agency);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "insert into complaint_breach (complaint_id, stage, due_on, site_code, agency_code, flagged_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, c.id).setParameter(2, stage).setParameter(3, c.dueOn)
                        .setParameter(4, c.siteCode).setParameter(5, agency).setParameter(6, c.lateAt)
                        .executeUpdate())
                .flatMap(ignored -> events.append(c.stream(), "complaint.late", payload))
                // The site's supervisors follow their desk stream: the escalation reaches them there.
                .flatMap(ignored -> events.append(deskStream(c.siteCode), "complaint.escalated", escalation))
                .replaceWith(true);
    }

    /** Few working days are left: told once per deadline. */
    Uni<Boolean> markDueSoon(Complaint c, Instant now, int workingDaysLeft) {
        c.dueSoonAt = at(now);
        Map<String, Object> payload = payload(c, "due-soon", c.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return events.append(c.stream(), "complaint.due-soon", payload)
                .flatMap(ignored -> events.append(deskStream(c.siteCode), "complaint.due-soon", payload))
                .replaceWith(true);
    }

    /** The stream of a site's complaint desk: new complaints, due-soon and escalations. No identities. */
    public static String deskStream(String siteCode) {
        return "complaint-desk:" + siteCode;
    }

    /** The desk stream of a site, for its supervisors (and admins) only. */
    public Uni<String> deskStreamOf(Caller caller, String siteCode) {
        if (!ComplaintAccess.isDeskOf(caller, siteCode)) {
            return Uni.createFrom().failure(ProblemException.forbidden());
        }
        return sites.find(siteCode).map(site -> deskStream(site.code));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** Appends the history row and the event of a step, in the current transaction. */
    private Uni<ComplaintHistory> record(Complaint c, String action, ComplaintState from, ComplaintState to,
                                         String actorId, String actorRole, String agencyCode, String note,
                                         Visibility visibility, String reason) {
        ComplaintHistory entry = new ComplaintHistory();
        entry.complaintId = c.id;
        entry.action = action;
        entry.fromState = from;
        entry.toState = to;
        entry.actorId = actorId;
        entry.actorRole = actorRole;
        entry.agencyCode = agencyCode;
        entry.note = note;
        entry.visibility = visibility;
        entry.reason = reason;
        entry.at = c.updatedAt;
        return entry.<ComplaintHistory>persist().flatMap(saved -> {
            if (visibility == Visibility.INTERNAL) {
                // Internal notes stay off the stream: the reporter follows it.
                return Uni.createFrom().item(saved);
            }
            Map<String, Object> payload = payload(c, action, to);
            payload.put("fromState", from == null ? null : from.name());
            payload.put("note", note);
            payload.put("reason", "reopen".equals(action) ? null : reason);
            Uni<?> desk = "file".equals(action)
                    ? events.append(deskStream(c.siteCode), "complaint.filed", payload(c, action, to))
                    : Uni.createFrom().voidItem();
            return events.append(c.stream(), "complaint." + action, payload).flatMap(ignored -> desk)
                    .replaceWith(saved);
        });
    }

    /** What a follower of the complaint may see of a change: never who reported it. */
    private static Map<String, Object> payload(Complaint c, String action, ComplaintState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trackingCode", c.trackingCode);
        payload.put("kind", c.kind.name());
        payload.put("categoryCode", c.categoryCode);
        payload.put("action", action);
        payload.put("state", state.name());
        payload.put("forwardedTo", c.forwardedTo);
        payload.put("dueOn", c.dueOn == null ? null : c.dueOn.toString());
        payload.put("at", c.updatedAt.toString());
        return payload;
    }

    /** Who is recorded as acting for the reporter: their account, the filing client, or "anonymous". */
    private static String actorIdOf(Caller caller, Complaint c) {
        if (c.reporterMode == ReporterMode.ANONYMOUS) {
            return c.filedByClient != null ? c.filedByClient : "anonymous";
        }
        return caller == null ? "anonymous" : caller.id();
    }

    Uni<ComplaintView> view(Caller caller, String secret, Complaint c) {
        Uni<Integer> left = c.dueOn == null ? Uni.createFrom().nullItem()
                : calendar.localDate(c.siteCode, Instant.now())
                        .flatMap(today -> calendar.workingDaysBetween(c.siteCode, today, c.dueOn));
        return left.map(days -> {
            ComplaintView.Reporter reporter = null;
            if (ComplaintAccess.seesIdentity(caller, secret, c)) {
                reporter = new ComplaintView.Reporter(c.reporterId, c.filedByClient, reveal(c.contactName),
                        maskEmail(reveal(c.contactEmail)), PersonalDataProtection.maskPhone(reveal(c.contactPhone)));
            }
            ComplaintView.Deadline deadline = c.dueOn == null ? null : new ComplaintView.Deadline(
                    ComplaintState.FOLLOW_UP_STAGE.contains(c.state) ? "FOLLOW_UP" : "VERIFY",
                    c.dueOn, days, c.dueSoonAt != null, c.lateAt != null);
            var actors = ComplaintAccess.actorsOf(caller, secret, c);
            // Whether the reporter may still reopen it, shown to staff as well (an answer they should get right).
            boolean reopenable = reopenable(c, Instant.now());
            List<String> actions = ComplaintWorkflow.actionsFrom(c.state, actors).stream()
                    .filter(a -> !"reopen".equals(a) || reopenable).toList();
            return new ComplaintView(c.trackingCode, c.kind, c.categoryCode, c.reporterMode, reporter, c.title,
                    c.description, c.siteCode, c.agencyCode, c.serviceCode, c.applicationNumber, c.ticketId,
                    c.latitude == null && c.address == null ? null
                            : new ComplaintView.Location(c.latitude, c.longitude, c.address),
                    c.mediaUrl, c.attributes == null ? Map.of() : c.attributes, c.state, c.rejectReason, deadline,
                    c.reopenCount, reopenable, c.rating, actions, c.createdAt, c.updatedAt);
        });
    }

    private boolean reopenable(Complaint c, Instant now) {
        return ComplaintState.SETTLED.contains(c.state) && c.reopenCount < settings.maxReopens() && c.settledAt != null
                && !now.isAfter(c.settledAt.toInstant().plus(Duration.ofDays(settings.reopenDays())));
    }

    /** Public views with the category names and the latest public response as status notes. */
    private Uni<List<PublicComplaint>> publicViews(List<Complaint> rows, Locale locale) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(c -> c.id).toList();
        return categories.list(locale).flatMap(all -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("select h.complaintId, h.note from ComplaintHistory h where h.id in "
                                + "(select max(x.id) from ComplaintHistory x where x.complaintId in ?1 "
                                + "and x.visibility = ?2 and x.note is not null and x.actorRole <> 'reporter' "
                                + "group by x.complaintId)", Object[].class)
                        .setParameter(1, ids).setParameter(2, Visibility.PUBLIC).getResultList())
                .map(notes -> {
                    Map<UUID, String> latest = new LinkedHashMap<>();
                    notes.forEach(row -> latest.put((UUID) row[0], (String) row[1]));
                    Map<String, String> names = new LinkedHashMap<>();
                    all.forEach(cat -> names.put(cat.code(), cat.name()));
                    return rows.stream().map(c -> new PublicComplaint(c.trackingCode, c.kind, c.categoryCode,
                            names.get(c.categoryCode), c.state, c.state.isOpen(),
                            statusNotes(c, latest.get(c.id)),
                            c.reporterMode == ReporterMode.CONFIDENTIAL ? null : c.description, c.siteCode,
                            c.forwardedTo != null ? c.forwardedTo : c.agencyCode, c.serviceCode,
                            c.latitude, c.longitude, c.address, c.mediaUrl, c.dueOn, c.createdAt, c.updatedAt))
                            .toList();
                }));
    }

    private static String statusNotes(Complaint c, String latestResponse) {
        String state = c.state.name() + (c.rejectReason == null ? "" : " (" + c.rejectReason.name() + ")");
        return latestResponse == null ? state : state + ": " + latestResponse;
    }

    private Uni<Complaint> byCode(String trackingCode, boolean lock) {
        String code = ComplaintCodes.normalize(trackingCode);
        if (!ComplaintCodes.isWellFormed(code)) {
            return Uni.createFrom().nullItem();
        }
        var query = Complaint.<Complaint>find("trackingCode", code);
        return lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult() : query.firstResult();
    }

    Uni<Complaint> readable(Caller caller, String secret, String trackingCode) {
        return byCode(trackingCode, false).map(c -> visible(caller, secret, trackingCode, c));
    }

    /** The complaint locked for the rest of the transaction: concurrent steps on it wait here. */
    Uni<Complaint> locked(Caller caller, String secret, String trackingCode) {
        return byCode(trackingCode, true).map(c -> visible(caller, secret, trackingCode, c));
    }

    /** Not there and not yours look the same, so codes cannot be probed. */
    private static Complaint visible(Caller caller, String secret, String trackingCode, Complaint c) {
        if (c == null || !ComplaintAccess.canRead(caller, secret, c)) {
            throw ProblemException.notFound("complaint", trackingCode);
        }
        return c;
    }

    private String protect(String value) {
        return value == null ? null : protection.encrypt(value);
    }

    private String reveal(String stored) {
        return stored == null ? null : protection.decrypt(stored);
    }

    /** {@code b****@example.com}: enough for the reporter to recognise it, not to write to it. */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 1 ? "*" + email.substring(Math.max(at, 0)) : email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
    }

    private static boolean isWebUrl(String text) {
        if (text.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(text.trim());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        try {
            new java.math.BigDecimal(String.valueOf(value).trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(Object value) {
        try {
            OffsetDateTime.parse(String.valueOf(value).trim());
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(String.valueOf(value).trim());
                return true;
            } catch (DateTimeParseException notADate) {
                return false;
            }
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "max-length", max));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimToNull(String text) {
        return blank(text) ? null : text.trim();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime now() {
        return at(Instant.now());
    }
}
