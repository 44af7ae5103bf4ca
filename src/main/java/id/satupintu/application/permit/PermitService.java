package id.satupintu.application.permit;

import id.satupintu.application.Application;
import id.satupintu.application.ApplicationState;
import id.satupintu.application.StepRecorder;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceType;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Permits: issued with the {@code issue-permit} step (by staff, or by the service right after a
 * deemed approval), verified publicly by their QR code, revoked by the issuing agency.
 */
@ApplicationScoped
public class PermitService {

    /** 20 random bytes: 160 bits, 27 URL-safe characters, small enough for a QR code. */
    private static final int CODE_BYTES = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{27}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NEXT_NUMBER = "insert into permit_sequence (agency_code, year, last_number) "
            + "values (?1, ?2, 1) on conflict (agency_code, year) "
            + "do update set last_number = permit_sequence.last_number + 1 returning last_number";

    @Inject
    ServiceCatalog catalog;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    SiteService sites;

    @Inject
    StepRecorder recorder;

    @Inject
    Clock clock;

    /**
     * Creates the permit of an application that has just reached PERMIT_ISSUED, in the caller's
     * transaction. Only PERIZINAN services produce a permit; for the others the step only closes the
     * application (their product, e.g. a KTP or a certificate, is handed over outside this service).
     * The sequence row stays locked until commit, so parallel issuers of one agency queue on it.
     */
    public Uni<Permit> issue(Application app, Permit.Basis basis, Instant at) {
        return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
            if (standard.type() != ServiceType.PERIZINAN) {
                return Uni.createFrom().nullItem();
            }
            Integer months = standard.standard().permitValidityMonths();
            return calendar.localDate(app.siteCode, at).flatMap(today -> Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(NEXT_NUMBER, Integer.class)
                            .setParameter(1, app.agencyCode).setParameter(2, today.getYear()).getSingleResult())
                    .flatMap(sequence -> {
                        Permit permit = new Permit();
                        permit.id = UUID.randomUUID();
                        permit.number = String.format("%s.%s.%d.%05d", app.siteCode, app.serviceCode,
                                today.getYear(), sequence);
                        permit.applicationId = app.id;
                        permit.agencyCode = app.agencyCode;
                        permit.siteCode = app.siteCode;
                        permit.serviceCode = app.serviceCode;
                        permit.basis = basis;
                        permit.issuedOn = today;
                        permit.validUntil = months == null ? null : today.plusMonths(months);
                        permit.verificationCode = newCode();
                        permit.issuedAt = at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                        return permit.<Permit>persist();
                    }));
        });
    }

    /** The permit of an application, as its holder and staff see it; null when there is none. */
    public Uni<PermitView> of(Application app) {
        if (app.state != ApplicationState.PERMIT_ISSUED) {
            return Uni.createFrom().nullItem();
        }
        return Permit.<Permit>find("applicationId", app.id).firstResult().flatMap(permit -> permit == null
                ? Uni.createFrom().nullItem()
                : calendar.localDate(permit.siteCode, clock.now()).map(today -> PermitView.of(permit, today)));
    }

    /** The public check behind the QR code; unknown and malformed codes are both 404. */
    @WithSession
    public Uni<PermitVerification> verify(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Uni.createFrom().failure(ProblemException.notFound("permit", code));
        }
        return Permit.<Permit>find("verificationCode", code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("permit", code))
                .flatMap(p -> sites.zoneOf(p.siteCode).map(zone -> new PermitVerification(
                        p.statusOn(clock.today(zone)), p.number, p.serviceCode, p.agencyCode, p.siteCode, p.basis,
                        p.issuedOn, p.validUntil,
                        p.revokedAt == null ? null : LocalDate.ofInstant(p.revokedAt.toInstant(), zone),
                        p.revocationReason)));
    }

    /**
     * Revokes a permit: an officer or supervisor of the issuing agency (or an admin). Other roles get
     * 403; another agency's staff get 404 as for an unknown number. The permit row is locked, so of
     * two revocations one wins and the other is a 409. The event goes on the application's stream.
     */
    @WithTransaction
    public Uni<PermitView> revoke(Caller caller, String number, RevocationInput input) {
        boolean admin = caller.hasRole(Roles.ADMIN);
        if (!admin && (caller.client() || !caller.hasAnyRole(Roles.OFFICER, Roles.SUPERVISOR))) {
            throw ProblemException.forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = input == null ? null : input.reason();
        if (InputValidator.blank(reason)) {
            errors.add(FieldError.of("reason", "required"));
        } else {
            InputValidator.noteLength(errors, "reason", reason);
        }
        InputValidator.failIfAny(errors);
        return Permit.<Permit>find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(permit -> {
                    if (permit == null || (!admin && !permit.agencyCode.equals(caller.agencyCode()))) {
                        throw ProblemException.notFound("permit", number);
                    }
                    if (permit.revokedAt != null) {
                        throw ProblemException.conflict("permit-already-revoked", permit.number);
                    }
                    OffsetDateTime now = clock.timestamp();
                    permit.revokedAt = now;
                    permit.revokedBy = caller.id();
                    permit.revocationReason = reason.strip();
                    return Application.<Application>findById(permit.applicationId).flatMap(app -> {
                        // The application changed for clients syncing by updatedSince.
                        app.updatedAt = now;
                        Map<String, Object> payload = recorder.basePayload(app, "permit-revoked", app.state);
                        payload.put("permitNumber", permit.number);
                        payload.put("at", now.toString());
                        payload.put("reason", permit.revocationReason);
                        return recorder.announce(app, "permit-revoked", payload);
                    }).flatMap(ignored -> calendar.localDate(permit.siteCode, clock.now()))
                            .map(today -> PermitView.of(permit, today));
                });
    }

    private static String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
