package id.satupintu.application;

import id.satupintu.application.permit.PermitService;
import id.satupintu.application.sla.SlaClock;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.identity.IdentityService;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.survey.SurveyLinks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts an application's view together: the row, who applied (name and NIK masked), the SLA clock as of
 * now and the permit once one is issued; the assignment for the agency's staff only.
 */
@ApplicationScoped
public class ApplicationViews {

    @Inject
    PermitService permits;

    @Inject
    SlaClock sla;

    @Inject
    Clock clock;

    @Inject
    PersonalDataProtection protection;

    @Inject
    IdentityService identity;

    @Inject
    SurveyLinks surveys;

    /** The whole view, as the agency's staff see it. */
    Uni<ApplicationView> of(Application app) {
        return applicant(app).flatMap(applicant -> permits.of(app).flatMap(permit -> sla.workingDaysLeft(app,
                clock.now()).map(left -> new ApplicationView(app.trackingNumber, app.serviceCode,
                app.standardVersion, app.agencyCode, app.siteCode, app.state, OssStatus.of(app.state), applicant,
                app.form, app.createdAt, app.updatedAt, app.submittedAt,
                app.slaStartedOn == null ? null
                        : new ApplicationView.Sla(app.slaStartedOn, app.deadline, left, app.clockPausedOn != null,
                                app.slaBreachedAt != null, app.slaHolidaysKnown),
                permit, app.assignedTo == null ? null
                        : new ApplicationView.Assignment(app.assignedTo.toString(), app.assignedAt), null))));
    }

    /**
     * The view as the caller may see it: the assignment for the agency's staff only, the survey for the
     * applicant only (not staff filing for a citizen: they must not answer for them).
     */
    public Uni<ApplicationView> of(Application app, Caller caller) {
        Uni<ApplicationView> view = of(app).map(v -> forCaller(v, app, caller));
        if (caller.isStaff() || !ApplicationAccess.actsForApplicant(caller, app)) {
            return view;
        }
        return view.flatMap(v -> surveys.link(new SurveyLinks.Subject(SurveyLinks.Kind.APPLICATION, app.id,
                app.siteCode, app.agencyCode, app.serviceCode, app.state.isFinal())).map(v::withSurvey));
    }

    /**
     * The agency's staff see the whole view; the applicant sees who applied (themself) but not the
     * assignment; anyone else neither.
     */
    static ApplicationView forCaller(ApplicationView view, Application app, Caller caller) {
        if (ApplicationAccess.isAgencyStaff(caller, app)) {
            return view;
        }
        return ApplicationAccess.actsForApplicant(caller, app) ? view.forApplicant() : view.forOthers();
    }

    /**
     * Who applied. A citizen who filed: the account's name and NIK, masked here, never sent whole. Staff
     * filing for a citizen: the NIK they entered, masked. A business: its NIB and KBLI.
     */
    private Uni<ApplicationView.Applicant> applicant(Application app) {
        String nikMasked = app.applicantNik == null ? null
                : PersonalDataProtection.maskNik(protection.decrypt(app.applicantNik));
        if (app.submitterKind != Application.SubmitterKind.CITIZEN || app.applicantId == null) {
            return Uni.createFrom().item(new ApplicationView.Applicant(app.applicantId, null, nikMasked, app.nib,
                    app.kbli, app.submitterKind));
        }
        return identity.card(app.applicantId).map(card -> new ApplicationView.Applicant(app.applicantId,
                card.map(IdentityService.PersonCard::fullName).orElse(null),
                card.map(IdentityService.PersonCard::nikMasked).orElse(nikMasked), app.nib, app.kbli,
                app.submitterKind));
    }
}
