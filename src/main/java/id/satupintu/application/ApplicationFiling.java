package id.satupintu.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.application.Application.SubmitterKind;
import id.satupintu.application.document.ApplicationDocuments;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.FormValidator;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceType;
import id.satupintu.catalog.VersionedStandard;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.identity.IdentityService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.idempotency.Idempotency;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filing an application: by a citizen, by staff for a citizen at the counter, or by an integrator
 * for a business; as a draft or complete at once, with idempotent retries. Also the edits of a
 * draft's (or a returned application's) form, checked by the same rules.
 */
@ApplicationScoped
public class ApplicationFiling {

    private static final int TRACKING_NUMBER_ATTEMPTS = 5;
    private static final Pattern NIB = Pattern.compile("[0-9]{13}");
    private static final Pattern KBLI = Pattern.compile("[0-9]{5}");
    private static final String INSERT = "insert into application (id, tracking_number, service_code, standard_version, "
            + "agency_code, site_code, applicant_id, applicant_nik, applicant_nik_index, submitted_by, submitter_kind, "
            + "nib, kbli, form, state, prepared_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
            + "cast(cast(?14 as text) as jsonb), ?15, ?16) on conflict (tracking_number) do nothing";

    @Inject
    ServiceCatalog catalog;

    @Inject
    AgencyService agencies;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtection protection;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper mapper;

    @Inject
    ApplicationDocuments documents;

    @Inject
    ApplicationLookup lookup;

    @Inject
    ApplicationViews views;

    @Inject
    StepRecorder recorder;

    @Inject
    WorkflowSteps steps;

    @Inject
    IdentityService identity;

    @Inject
    Clock clock;

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
    Uni<ApplicationView> edit(Caller caller, String trackingNumber, ApplicationInput input) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        return lookup.locked(caller, trackingNumber).flatMap(app -> {
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
            // Only the first filing must name the business: what an edit leaves out stays as stored.
            String nib = input.nib() != null ? input.nib() : app.nib;
            String kbli = input.kbli() != null ? input.kbli() : app.kbli;
            return catalog.standard(app.serviceCode).flatMap(standard -> {
                checkBusiness(app.submitterKind, standard, nib, kbli, errors);
                errors.addAll(FormValidator.check(standard.standard(), input.formOrEmpty(), false));
                InputValidator.failIfAny(errors);
                app.form = new LinkedHashMap<>(input.formOrEmpty());
                app.standardVersion = standard.version();
                app.nib = nib;
                app.kbli = kbli;
                app.updatedAt = now();
                DutySeparation.notePreparer(caller, app);
                return views.of(app, caller);
            });
        });
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
                .call(standard -> identityCheck(caller, kind, standard))
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
                    caller.requireBinding(standard.agencyCode(), askedSite);
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
                    checkBusiness(kind, standard, input.nib(), input.kbli(), errors);
                    errors.addAll(FormValidator.check(standard.standard(), input.formOrEmpty(), !input.isDraft()));
                    return agencies.find(standard.agencyCode()).flatMap(agency -> {
                        String site = chooseSite(agency.siteCodes(), askedSite, errors);
                        InputValidator.failIfAny(errors);
                        if (!input.isDraft()) {
                            // A new file has no documents yet: one with mandatory requirements starts as a draft.
                            documents.failIfAnyMandatory(standard.standard());
                        }
                        return insert(caller, kind, standard, site, input, 0);
                    }).flatMap(app -> input.isDraft()
                            ? recorder.record(app, "create", null, app.state, caller.id(), roleOf(caller, kind), null,
                                    null, null).replaceWith(app)
                            : steps.submitNew(app, standard.standard().completionDays(), caller.id(),
                                    roleOf(caller, kind)))
                            .flatMap(app -> views.of(app, caller));
                });
    }

    private Uni<Application> insert(Caller caller, SubmitterKind kind, VersionedStandard standard, String site,
                                    ApplicationInput input, int attempt) {
        if (attempt == TRACKING_NUMBER_ATTEMPTS) {
            throw new IllegalStateException("no free tracking number after " + attempt + " attempts");
        }
        UUID id = UUID.randomUUID();
        String nik = kind == SubmitterKind.STAFF ? input.applicantNik() : null;
        return calendar.localDate(site, clock.now()).flatMap(today -> Panache.getSession()
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
                        .setParameter(16, kind == SubmitterKind.STAFF ? caller.id() : null)
                        .executeUpdate()))
                // A collision of 30 random bits on one site and day: draw again.
                .flatMap(inserted -> inserted == 1 ? Application.<Application>findById(id)
                        : insert(caller, kind, standard, site, input, attempt + 1));
    }

    /**
     * A service whose standard asks for a verified identity takes a citizen's own filing (a draft too)
     * only from an account whose NIK staff have confirmed: a NIK typed in online may be anyone's.
     * Staff filing at the counter have the KTP in front of them; integrators file for businesses.
     */
    private Uni<Void> identityCheck(Caller caller, SubmitterKind kind, VersionedStandard standard) {
        if (kind != SubmitterKind.CITIZEN || !Boolean.TRUE.equals(standard.standard().verifiedIdentity())) {
            return Uni.createFrom().voidItem();
        }
        return identity.requireVerifiedNik(caller);
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

    /**
     * NIB and KBLI (as sent, or as stored for an edit): required from integrators (KBLI for permits),
     * always well-formed, KBLI from the standard's list.
     */
    private static void checkBusiness(SubmitterKind kind, VersionedStandard standard, String nib, String kbli,
                                      List<FieldError> errors) {
        boolean permit = standard.type() == ServiceType.PERIZINAN;
        if (nib == null) {
            if (kind == SubmitterKind.INTEGRATOR) {
                errors.add(FieldError.of("nib", "required"));
            }
        } else if (!NIB.matcher(nib).matches()) {
            errors.add(FieldError.of("nib", "invalid-format"));
        }
        if (kbli == null) {
            if (kind == SubmitterKind.INTEGRATOR && permit) {
                errors.add(FieldError.of("kbli", "required"));
            }
        } else if (!KBLI.matcher(kbli).matches()) {
            errors.add(FieldError.of("kbli", "invalid-format"));
        } else {
            List<String> allowed = standard.standard().kbli();
            if (allowed != null && !allowed.isEmpty() && !allowed.contains(kbli)) {
                errors.add(FieldError.of("kbli", "kbli-not-for-service", kbli));
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

    private OffsetDateTime now() {
        return clock.timestamp();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
