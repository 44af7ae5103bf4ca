package id.satupintu.application;

import id.satupintu.application.document.ApplicationDocuments;
import id.satupintu.application.permit.Permit;
import id.satupintu.application.permit.PermitService;
import id.satupintu.application.sla.SlaClock;
import id.satupintu.application.sla.SlaWatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.application.Application.SubmitterKind;
import id.satupintu.application.ApplicationHistory.Visibility;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceType;
import id.satupintu.catalog.VersionedStandard;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.idempotency.Idempotency;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applications: filing (with drafts and idempotent retries), the workflow, and the reads. REST and
 * GraphQL both call these methods with the {@link Caller}; every authorization decision is made here.
 */
@ApplicationScoped
public class ApplicationService {

    public static final int NOTE_MAX = 2000;
    private static final int TRACKING_NUMBER_ATTEMPTS = 5;
    private static final Pattern NIB = Pattern.compile("[0-9]{13}");
    private static final Pattern KBLI = Pattern.compile("[0-9]{5}");
    private static final String INSERT = "insert into application (id, tracking_number, service_code, standard_version, "
            + "agency_code, site_code, applicant_id, applicant_nik, applicant_nik_index, submitted_by, submitter_kind, "
            + "nib, kbli, form, state) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
            + "cast(cast(?14 as text) as jsonb), ?15) on conflict (tracking_number) do nothing";

    @Inject
    ServiceCatalog catalog;

    @Inject
    AgencyService agencies;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    SlaClock clock;

    @Inject
    PersonalDataProtection protection;

    @Inject
    EventLog events;

    @Inject
    Idempotency idempotency;

    @Inject
    PermitService permits;

    @Inject
    ObjectMapper mapper;

    @Inject
    ApplicationDocuments documents;

    @Inject
    ApplicationStatusReader statusReader;

    /**
     * Files an application (or saves a draft). With an idempotency key, a retry gets the first
     * result and the same key with another body is a 422.
     */
    @WithTransaction
    public Uni<Idempotency.Outcome<ApplicationView>> file(Caller caller, ApplicationInput input, String idempotencyKey) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        return idempotency.once("application.file:" + caller.id(), idempotencyKey, input, 201, ApplicationView.class,
                () -> create(caller, input));
    }

    /** Replaces a draft's (or a returned application's) form, checked against the service's current standard. */
    @WithTransaction
    public Uni<ApplicationView> edit(Caller caller, String trackingNumber, ApplicationInput input) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        return locked(caller, trackingNumber).flatMap(app -> {
            if (!ApplicationAccess.actsForApplicant(caller, app)) {
                throw ProblemException.forbidden();
            }
            if (!ApplicationState.EDITABLE.contains(app.state)) {
                throw ProblemException.conflict("application-not-editable", app.state);
            }
            List<FieldError> errors = new ArrayList<>();
            if (input.serviceCode() != null && !input.serviceCode().equals(app.serviceCode)) {
                errors.add(FieldError.of("serviceCode", "immutable"));
            }
            if (input.siteCode() != null && !input.siteCode().equals(app.siteCode)) {
                errors.add(FieldError.of("siteCode", "immutable"));
            }
            return catalog.standard(app.serviceCode).flatMap(standard -> {
                checkBusiness(caller, app.submitterKind, standard, input, errors);
                errors.addAll(FormValidator.check(standard.standard(), input.formOrEmpty(), false));
                InputValidator.failIfAny(errors);
                app.form = new LinkedHashMap<>(input.formOrEmpty());
                app.standardVersion = standard.version();
                if (input.nib() != null) {
                    app.nib = input.nib();
                }
                if (input.kbli() != null) {
                    app.kbli = input.kbli();
                }
                app.updatedAt = now();
                return view(app, caller);
            });
        });
    }

    /**
     * Takes a workflow step. The application row is locked for the transaction, so of two staff
     * acting at once one wins and the other finds the state moved on (409).
     */
    @WithTransaction
    public Uni<ApplicationView> transition(Caller caller, String trackingNumber, TransitionInput input) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        Workflow.Transition transition = checkTransition(input);
        return locked(caller, trackingNumber).flatMap(app -> step(caller, app, transition, input));
    }

    /** Submits a draft, or resubmits an application returned for revision, whichever it is. */
    @WithTransaction
    public Uni<ApplicationView> submit(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        return locked(caller, trackingNumber).flatMap(app -> {
            String action = app.state == ApplicationState.RETURNED_FOR_REVISION ? "resubmit" : "submit";
            return step(caller, app, Workflow.find(action).orElseThrow(), new TransitionInput(action, null, null, null));
        });
    }

    private Uni<ApplicationView> step(Caller caller, Application app, Workflow.Transition transition,
                                      TransitionInput input) {
        if (!ApplicationAccess.may(caller, app, transition.actor())) {
            throw ProblemException.forbidden();
        }
        return apply(app, transition, input, caller.id(), ApplicationAccess.roleOf(caller, transition.actor()),
                Instant.now()).map(view -> ApplicationAccess.isAgencyStaff(caller, app) ? view : view.forApplicant());
    }

    /**
     * The service's own steps (deemed approval when the SLA has passed): taken without a caller and
     * recorded as role "system". For the scheduled SLA job.
     */
    @WithTransaction
    public Uni<ApplicationView> systemTransition(String trackingNumber, String action, String reason) {
        Workflow.Transition transition = Workflow.find(action)
                .filter(t -> t.actor() == Workflow.Actor.SYSTEM)
                .orElseThrow(() -> new IllegalArgumentException("not a system action: " + action));
        return Application.<Application>find("trackingNumber", trackingNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("application", trackingNumber))
                .flatMap(app -> apply(app, transition, new TransitionInput(action, null, null, reason), "system",
                        "system", Instant.now()));
    }

    @WithSession
    public Uni<ApplicationView> find(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return readable(caller, trackingNumber).flatMap(app -> view(app, caller));
    }

    /** The public status; unknown and malformed numbers are both 404. One SQL statement, see the reader. */
    public Uni<ApplicationStatus> status(String trackingNumber) {
        return statusReader.read(trackingNumber);
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return readable(caller, trackingNumber).flatMap(app -> {
            boolean staffView = ApplicationAccess.isAgencyStaff(caller, app);
            return ApplicationHistory.<ApplicationHistory>find("applicationId = ?1 order by id", app.id).list()
                    .map(list -> list.stream().map(h -> HistoryEntry.of(h, staffView)).toList());
        });
    }

    /**
     * An application the caller acts for as its applicant, for another feature that links to it (a
     * complaint about a stuck permit); anyone else's, or an unknown number, is 404.
     */
    @WithSession
    public Uni<ApplicationSummary> ownedBy(Caller caller, String trackingNumber) {
        return byNumber(trackingNumber).map(app -> {
            if (app == null || !ApplicationAccess.actsForApplicant(caller, app)) {
                throw ProblemException.notFound("application", trackingNumber);
            }
            return ApplicationSummary.of(app);
        });
    }

    /**
     * The histories of several applications in two queries, for GraphQL lists; keyed by tracking
     * number, only for those the caller may read, each seen as {@link #history} would show it.
     */
    @WithSession
    public Uni<Map<String, List<HistoryEntry>>> histories(Caller caller, List<String> trackingNumbers) {
        return readableAll(caller, trackingNumbers).flatMap(apps -> apps.isEmpty() ? Uni.createFrom().item(Map.of())
                : ApplicationHistory.<ApplicationHistory>find("applicationId in ?1 order by id",
                        apps.stream().map(a -> a.id).toList()).list().map(rows -> {
                    Map<UUID, Application> byId = new HashMap<>();
                    apps.forEach(a -> byId.put(a.id, a));
                    Map<String, List<HistoryEntry>> result = new HashMap<>();
                    apps.forEach(a -> result.put(a.trackingNumber, new ArrayList<>()));
                    for (ApplicationHistory h : rows) {
                        Application app = byId.get(h.applicationId);
                        result.get(app.trackingNumber).add(HistoryEntry.of(h, ApplicationAccess.isAgencyStaff(caller, app)));
                    }
                    return result;
                }));
    }

    /** Those of the applications the caller may read, in one query; unknown and foreign ones left out. */
    public Uni<List<Application>> readableAll(Caller caller, Collection<String> trackingNumbers) {
        List<String> numbers = trackingNumbers.stream().map(TrackingNumbers::normalize)
                .filter(TrackingNumbers::isWellFormed).distinct().toList();
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Application.<Application>find("trackingNumber in ?1", numbers).list()
                .map(apps -> apps.stream().filter(app -> ApplicationAccess.canRead(caller, app)).toList());
    }

    /** The event stream of an application the caller may read, for SSE and subscriptions. */
    @WithSession
    public Uni<String> streamOf(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return readable(caller, trackingNumber).map(Application::stream);
    }

    /**
     * The caller's own applications (a citizen's, or an integrator's filings), most recently changed
     * first, optionally only those changed after {@code updatedSince}, for a client's sync.
     */
    @WithSession
    public Uni<Page<ApplicationSummary>> mine(Caller caller, String cursor, int limit, OffsetDateTime updatedSince) {
        if (!caller.isCitizen() && !caller.hasRole(Roles.INTEGRATOR)) {
            throw ProblemException.forbidden();
        }
        caller.requireScope(Scopes.APPLICATIONS_READ);
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(cursor);
        StringBuilder hql = new StringBuilder(caller.isCitizen() ? "applicantId = :me" : "submittedBy = :me");
        Parameters params = Parameters.with("me", caller.id());
        if (updatedSince != null) {
            hql.append(" and updatedAt > :since");
            params.and("since", updatedSince);
        }
        return Application.<Application>find(Cursor.newestUpdatedFirst(hql, params, after), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, a -> Cursor.encode(a.updatedAt.toString(), a.id.toString()))
                        .map(ApplicationSummary::of));
    }

    private Uni<ApplicationView> create(Caller caller, ApplicationInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        SubmitterKind kind = submitterKind(caller);
        if (input.serviceCode() == null || input.serviceCode().isBlank()) {
            throw ProblemException.validation("serviceCode", "required");
        }
        return catalog.standard(input.serviceCode())
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                        ? ProblemException.validation("serviceCode", "unknown-service", input.serviceCode()) : e)
                .flatMap(standard -> {
                    if (!standard.active()) {
                        throw new ProblemException(422, "service-inactive", standard.serviceCode());
                    }
                    if (kind == SubmitterKind.STAFF && !caller.hasRole(Roles.ADMIN)
                            && !standard.agencyCode().equals(caller.agencyCode())) {
                        throw ProblemException.forbidden();
                    }
                    // A client bound to an agency or a site files only there (its own site by default).
                    String askedSite = input.siteCode() != null || kind != SubmitterKind.INTEGRATOR ? input.siteCode()
                            : caller.siteCode();
                    if (kind == SubmitterKind.INTEGRATOR && !caller.bindingCovers(standard.agencyCode(), askedSite)) {
                        throw new ProblemException(403, "client-binding-excludes", standard.agencyCode());
                    }
                    List<FieldError> errors = new ArrayList<>();
                    if (kind == SubmitterKind.STAFF) {
                        if (input.applicantNik() == null || input.applicantNik().isBlank()) {
                            errors.add(FieldError.of("applicantNik", "required"));
                        } else {
                            Nik.problem(input.applicantNik()).ifPresent(code -> errors.add(FieldError.of("applicantNik", code)));
                        }
                    } else if (input.applicantNik() != null) {
                        errors.add(FieldError.of("applicantNik", "staff-only"));
                    }
                    checkBusiness(caller, kind, standard, input, errors);
                    errors.addAll(FormValidator.check(standard.standard(), input.formOrEmpty(), !input.isDraft()));
                    return agencies.find(standard.agencyCode()).flatMap(agency -> {
                        String site = chooseSite(agency.sites.stream().map(s -> s.code).toList(), askedSite, errors);
                        InputValidator.failIfAny(errors);
                        if (!input.isDraft()) {
                            // A new file has no documents yet: one with mandatory requirements starts as a draft.
                            ApplicationDocuments.failIfMissing(ApplicationDocuments.missing(standard.standard(), List.of()));
                        }
                        return insert(caller, kind, standard, site, input, 0);
                    }).flatMap(app -> input.isDraft()
                            ? record(app, "create", null, app.state, caller.id(), roleOf(caller, kind), null, null, null)
                                    .replaceWith(app)
                            : submitNew(app, standard, caller, kind))
                            .flatMap(app -> view(app, caller));
                });
    }

    private Uni<Application> submitNew(Application app, VersionedStandard standard, Caller caller, SubmitterKind kind) {
        Workflow.Transition submit = Workflow.find("submit").orElseThrow();
        return applyEffects(app, submit, standard.standard().completionDays(), Instant.now())
                .flatMap(ignored -> record(app, "submit", null, ApplicationState.SUBMITTED, caller.id(),
                        roleOf(caller, kind), null, null, null))
                .replaceWith(app);
    }

    private Uni<ApplicationView> apply(Application app, Workflow.Transition transition, TransitionInput input,
                                       String actorId, String actorRole, Instant at) {
        if (!transition.from().contains(app.state)) {
            throw ProblemException.conflict("invalid-transition", transition.action(), app.state);
        }
        // The SLA clock starts only for a complete file: the form and every mandatory document.
        Uni<Integer> completionDays = transition.to() == ApplicationState.SUBMITTED
                ? catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
                    InputValidator.failIfAny(FormValidator.check(standard.standard(), app.form, true));
                    return documents.requireComplete(app, standard.standard())
                            .replaceWith(standard.standard().completionDays());
                })
                : Uni.createFrom().item(0);
        ApplicationState from = app.state;
        return completionDays
                .flatMap(days -> applyEffects(app, transition, days, at))
                .flatMap(ignored -> transition.to() == ApplicationState.PERMIT_ISSUED
                        ? permits.issue(app, from == ApplicationState.DEEMED_APPROVED
                                ? Permit.Basis.DEEMED_APPROVAL : Permit.Basis.DECISION, at).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(ignored -> record(app, transition.action(), from, transition.to(), actorId, actorRole,
                        input.note(), input.note() == null ? Visibility.PUBLIC : input.visibility(), input.reason()))
                .flatMap(ignored -> view(app));
    }

    /** The state change itself and what it does to the SLA clock. */
    private Uni<Void> applyEffects(Application app, Workflow.Transition transition, int completionDays, Instant at) {
        ApplicationState from = app.state;
        app.state = transition.to();
        app.updatedAt = now();
        if (transition.action().equals("submit")) {
            app.submittedAt = app.updatedAt;
            return clock.start(app, completionDays, at);
        }
        if (transition.action().equals("resubmit")) {
            return clock.resume(app, at);
        }
        if (transition.to() == ApplicationState.RETURNED_FOR_REVISION && from != ApplicationState.RETURNED_FOR_REVISION) {
            return clock.pause(app, at);
        }
        return Uni.createFrom().voidItem();
    }

    /** Appends the history row and the public event of a step, in the current transaction. */
    private Uni<Void> record(Application app, String action, ApplicationState from, ApplicationState to,
                             String actorId, String actorRole, String note, Visibility visibility, String reason) {
        ApplicationHistory entry = historyEntry(app, action, from, to, actorId, actorRole, note, visibility);
        entry.reason = reason;
        entry.at = app.updatedAt;
        Map<String, Object> payload = publicPayload(app, action, to);
        payload.put("fromState", from == null ? null : from.name());
        payload.put("note", entry.noteVisibility == Visibility.PUBLIC ? note : null);
        payload.put("reason", reason);
        return entry.<ApplicationHistory>persist()
                .flatMap(saved -> events.append(app.stream(), "application." + action, payload))
                .replaceWithVoid();
    }

    /** A history row of the application in its current state (not yet persisted). */
    public static ApplicationHistory historyEntry(Application app, String action, ApplicationState from, ApplicationState to,
                                           String actorId, String actorRole, String note, Visibility visibility) {
        ApplicationHistory entry = new ApplicationHistory();
        entry.applicationId = app.id;
        entry.action = action;
        entry.fromState = from;
        entry.toState = to;
        entry.actorId = actorId;
        entry.actorRole = actorRole;
        entry.note = note;
        entry.noteVisibility = visibility == null ? Visibility.PUBLIC : visibility;
        return entry;
    }

    /** What anyone following the application may see of a change: never personal data nor the form. */
    public static Map<String, Object> publicPayload(Application app, String action, ApplicationState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trackingNumber", app.trackingNumber);
        payload.put("serviceCode", app.serviceCode);
        // Public codes, so webhooks can give agency- and site-bound clients only their objects.
        payload.put("agencyCode", app.agencyCode);
        payload.put("siteCode", app.siteCode);
        payload.put("action", action);
        payload.put("state", state.name());
        payload.put("ossStatusCode", OssStatus.of(action, state));
        payload.put("at", app.updatedAt.toString());
        payload.put("submittedAt", app.submittedAt == null ? null : app.submittedAt.toString());
        payload.put("deadline", app.deadline == null ? null : app.deadline.toString());
        return payload;
    }

    /**
     * The deadline of a running application has passed (called by {@link SlaWatch} inside its
     * transaction, the row locked): deemed approval where the standard grants it, else a breach mark.
     */
    public Uni<Boolean> breach(Application app, Instant now) {
        return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
            app.slaBreachedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (Boolean.TRUE.equals(standard.standard().deemedApproval())) {
                String reason = "No decision by the deadline " + app.deadline
                        + ": deemed approved (UU 30/2014 art. 53 as amended by UU 11/2020)";
                // Deemed approval grants the permit as well; the issue step records that it was the service's.
                return apply(app, Workflow.find("deem-approve").orElseThrow(),
                        new TransitionInput("deem-approve", null, null, reason), "system", "system", now)
                        .flatMap(ignored -> apply(app, Workflow.find("issue-permit").orElseThrow(),
                                new TransitionInput("issue-permit", null, null, "Permit issued on deemed approval"),
                                "system", "system", now))
                        .replaceWith(true);
            }
            app.updatedAt = now();
            Map<String, Object> payload = publicPayload(app, "sla-breached", app.state);
            return events.append(app.stream(), "application.sla-breached", payload).replaceWith(true);
        });
    }

    /** Few working days are left on a running clock: tells the followers once per deadline. */
    public Uni<Boolean> warn(Application app, Instant now, int workingDaysLeft) {
        app.slaWarnedAt = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> payload = publicPayload(app, "sla-warning", app.state);
        payload.put("workingDaysLeft", workingDaysLeft);
        return events.append(app.stream(), "application.sla-warning", payload).replaceWith(true);
    }

    private Uni<Application> insert(Caller caller, SubmitterKind kind, VersionedStandard standard, String site,
                                    ApplicationInput input, int attempt) {
        if (attempt == TRACKING_NUMBER_ATTEMPTS) {
            throw new IllegalStateException("no free tracking number after " + attempt + " attempts");
        }
        UUID id = UUID.randomUUID();
        String nik = kind == SubmitterKind.STAFF ? input.applicantNik() : null;
        return calendar.localDate(site, Instant.now()).flatMap(today -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, TrackingNumbers.next(site, today))
                        .setParameter(3, standard.serviceCode())
                        .setParameter(4, standard.version())
                        .setParameter(5, standard.agencyCode())
                        .setParameter(6, site)
                        .setParameter(7, kind == SubmitterKind.CITIZEN ? caller.id() : null)
                        .setParameter(8, nik == null ? null : protection.encrypt(nik))
                        .setParameter(9, nik == null ? null : protection.blindIndex("nik", nik))
                        .setParameter(10, caller.id())
                        .setParameter(11, kind.name())
                        .setParameter(12, input.nib())
                        .setParameter(13, input.kbli())
                        .setParameter(14, json(input.formOrEmpty()))
                        .setParameter(15, ApplicationState.DRAFT.name())
                        .executeUpdate()))
                // A collision of 30 random bits on one site and day: draw again.
                .flatMap(inserted -> inserted == 1 ? Application.<Application>findById(id)
                        : insert(caller, kind, standard, site, input, attempt + 1));
    }

    private static SubmitterKind submitterKind(Caller caller) {
        if (caller.client()) {
            if (caller.hasRole(Roles.INTEGRATOR)) {
                return SubmitterKind.INTEGRATOR;
            }
            throw ProblemException.forbidden();
        }
        if (caller.isCitizen()) {
            return SubmitterKind.CITIZEN;
        }
        if (caller.hasAnyRole(Roles.COUNTER_STAFF, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN)) {
            return SubmitterKind.STAFF;
        }
        throw ProblemException.forbidden();
    }

    private static String roleOf(Caller caller, SubmitterKind kind) {
        return ApplicationAccess.roleOf(caller, Workflow.Actor.APPLICANT);
    }

    /** NIB and KBLI: required from integrators (KBLI for permits), always well-formed, KBLI from the standard's list. */
    private static void checkBusiness(Caller caller, SubmitterKind kind, VersionedStandard standard,
                                      ApplicationInput input, List<FieldError> errors) {
        boolean permit = standard.type() == ServiceType.PERIZINAN;
        if (input.nib() == null) {
            if (kind == SubmitterKind.INTEGRATOR) {
                errors.add(FieldError.of("nib", "required"));
            }
        } else if (!NIB.matcher(input.nib()).matches()) {
            errors.add(FieldError.of("nib", "invalid-format"));
        }
        if (input.kbli() == null) {
            if (kind == SubmitterKind.INTEGRATOR && permit) {
                errors.add(FieldError.of("kbli", "required"));
            }
        } else if (!KBLI.matcher(input.kbli()).matches()) {
            errors.add(FieldError.of("kbli", "invalid-format"));
        } else {
            List<String> allowed = standard.standard().kbli();
            if (allowed != null && !allowed.isEmpty() && !allowed.contains(input.kbli())) {
                errors.add(FieldError.of("kbli", "kbli-not-for-service", input.kbli()));
            }
        }
    }

    /** The agency's only site, or the one asked for among its sites. */
    private static String chooseSite(List<String> sites, String asked, List<FieldError> errors) {
        if (asked == null) {
            if (sites.size() == 1) {
                return sites.get(0);
            }
            errors.add(FieldError.of("siteCode", sites.isEmpty() ? "no-site" : "required"));
            return null;
        }
        if (!sites.contains(asked)) {
            errors.add(FieldError.of("siteCode", "site-not-served", asked));
            return null;
        }
        return asked;
    }

    private static Workflow.Transition checkTransition(TransitionInput input) {
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        Workflow.Transition transition = null;
        if (input.action() == null || input.action().isBlank()) {
            errors.add(FieldError.of("action", "required"));
        } else {
            transition = Workflow.find(input.action()).orElse(null);
            if (transition == null) {
                errors.add(FieldError.of("action", "unknown-action", input.action()));
            } else if (transition.actor() == Workflow.Actor.SYSTEM) {
                throw ProblemException.forbidden();
            }
        }
        if (input.note() != null && input.note().length() > NOTE_MAX) {
            errors.add(FieldError.of("note", "max-length", NOTE_MAX));
        }
        if (input.reason() != null && input.reason().length() > NOTE_MAX) {
            errors.add(FieldError.of("reason", "max-length", NOTE_MAX));
        }
        if (transition != null && transition.reasonRequired() && blank(input.reason())) {
            errors.add(FieldError.of("reason", "required"));
        }
        if (transition != null && transition.noteRequired() && blank(input.note())) {
            errors.add(FieldError.of("note", "required"));
        }
        InputValidator.failIfAny(errors);
        return transition;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Uni<Application> byNumber(String trackingNumber) {
        String number = TrackingNumbers.normalize(trackingNumber);
        if (!TrackingNumbers.isWellFormed(number)) {
            return Uni.createFrom().nullItem();
        }
        return Application.find("trackingNumber", number).firstResult();
    }

    public Uni<Application> readable(Caller caller, String trackingNumber) {
        return byNumber(trackingNumber).map(app -> visible(caller, trackingNumber, app));
    }

    /** The application locked for the rest of the transaction: concurrent steps on it wait here. */
    public Uni<Application> locked(Caller caller, String trackingNumber) {
        String number = TrackingNumbers.normalize(trackingNumber);
        if (!TrackingNumbers.isWellFormed(number)) {
            return Uni.createFrom().failure(ProblemException.notFound("application", trackingNumber));
        }
        return Application.<Application>find("trackingNumber", number).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().map(app -> visible(caller, trackingNumber, app));
    }

    /** Not there and not yours look the same, so tracking numbers cannot be probed. */
    private static Application visible(Caller caller, String trackingNumber, Application app) {
        if (app == null || !ApplicationAccess.canRead(caller, app)) {
            throw ProblemException.notFound("application", trackingNumber);
        }
        return app;
    }

    Uni<ApplicationView> view(Application app) {
        return permits.of(app).flatMap(permit -> clock.workingDaysLeft(app, Instant.now())
                .map(left -> new ApplicationView(app.trackingNumber, app.serviceCode, app.standardVersion,
                        app.agencyCode, app.siteCode, app.state, OssStatus.of(app.state),
                        new ApplicationView.Applicant(app.applicantId, app.applicantNik == null ? null
                                : PersonalDataProtection.maskNik(protection.decrypt(app.applicantNik)),
                                app.nib, app.kbli, app.submitterKind),
                        app.form, app.createdAt, app.updatedAt, app.submittedAt,
                        app.slaStartedOn == null ? null
                                : new ApplicationView.Sla(app.slaStartedOn, app.deadline, left,
                                        app.clockPausedOn != null, app.slaBreachedAt != null),
                        permit, app.assignedTo == null ? null
                                : new ApplicationView.Assignment(app.assignedTo.toString(), app.assignedAt))));
    }

    /** The view as the caller may see it: the assignment for the agency's staff only. */
    public Uni<ApplicationView> view(Application app, Caller caller) {
        return view(app).map(v -> ApplicationAccess.isAgencyStaff(caller, app) ? v : v.forApplicant());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
