package id.satupintu.application;

import id.satupintu.application.permit.PermitService;
import id.satupintu.application.sla.SlaClock;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Puts an application's view together: the row, the NIK masked, the SLA clock as of now and the
 * permit once one is issued; the assignment for the agency's staff only.
 */
@ApplicationScoped
public class ApplicationViews {

    @Inject
    PermitService permits;

    @Inject
    SlaClock clock;

    @Inject
    PersonalDataProtection protection;

    /** The whole view, as the agency's staff see it. */
    Uni<ApplicationView> of(Application app) {
        return permits.of(app).flatMap(permit -> clock.workingDaysLeft(app, Instant.now())
                .map(left -> new ApplicationView(app.trackingNumber, app.serviceCode, app.standardVersion,
                        app.agencyCode, app.siteCode, app.state, OssStatus.of(app.state),
                        new ApplicationView.Applicant(app.applicantId, app.applicantNik == null ? null
                                : PersonalDataProtection.maskNik(protection.decrypt(app.applicantNik)),
                                app.nib, app.kbli, app.submitterKind),
                        app.form, app.createdAt, app.updatedAt, app.submittedAt,
                        app.slaStartedOn == null ? null
                                : new ApplicationView.Sla(app.slaStartedOn, app.deadline, left,
                                        app.clockPausedOn != null, app.slaBreachedAt != null, app.slaHolidaysKnown),
                        permit, app.assignedTo == null ? null
                                : new ApplicationView.Assignment(app.assignedTo.toString(), app.assignedAt))));
    }

    /** The view as the caller may see it: the assignment for the agency's staff only. */
    public Uni<ApplicationView> of(Application app, Caller caller) {
        return of(app).map(v -> ApplicationAccess.isAgencyStaff(caller, app) ? v : v.forApplicant());
    }
}
