package id.satupintu.application;

import id.satupintu.application.permit.PermitView;
import id.satupintu.platform.survey.SurveyLinks;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An application as its applicant and the agency's staff see it. The NIK is masked, always; the form is
 * what the applicant entered. {@code permit} once one is issued (PERIZINAN services only);
 * {@code assignment} for the agency's staff only; {@code survey}, the application's satisfaction survey, for
 * the applicant only (a citizen, or the client that filed for its user).
 */
public record ApplicationView(String trackingNumber, String serviceCode, int standardVersion, String agencyCode,
                              String siteCode, ApplicationState state, Integer ossStatusCode, Applicant applicant,
                              Map<String, Object> form, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                              OffsetDateTime submittedAt, Sla sla, PermitView permit, Assignment assignment,
                              SurveyLinks.Link survey) {

    /** The officer handling the application; only the agency's staff see it (null for others). */
    public record Assignment(String officerId, OffsetDateTime assignedAt) {
    }

    /** The view without what only the agency's staff may see. */
    ApplicationView forApplicant() {
        return assignment == null ? this : new ApplicationView(trackingNumber, serviceCode, standardVersion, agencyCode,
                siteCode, state, ossStatusCode, applicant, form, createdAt, updatedAt, submittedAt, sla, permit, null,
                survey);
    }

    ApplicationView withSurvey(SurveyLinks.Link link) {
        return new ApplicationView(trackingNumber, serviceCode, standardVersion, agencyCode, siteCode, state,
                ossStatusCode, applicant, form, createdAt, updatedAt, submittedAt, sla, permit, assignment, link);
    }

    /** The view for a reader who is neither the agency's staff nor the applicant: who applied left out too. */
    ApplicationView forOthers() {
        ApplicationView v = forApplicant();
        return new ApplicationView(trackingNumber, serviceCode, standardVersion, agencyCode, siteCode, state,
                ossStatusCode, v.applicant.anonymous(), form, createdAt, updatedAt, submittedAt, sla, permit, null, null);
    }

    /**
     * Who applies: a citizen account, a citizen known by NIK (filed by staff), or a business. {@code name}
     * and {@code nikMasked} come from the citizen's account when it filed itself, the NIK from the file
     * when staff filed for a citizen; only the agency's staff and the applicant see them.
     */
    public record Applicant(String userId, String name, String nikMasked, String nib, String kbli,
                            Application.SubmitterKind filedBy) {

        Applicant anonymous() {
            return new Applicant(null, null, null, nib, kbli, filedBy);
        }
    }

    /**
     * The SLA clock: the deadline (a date at the site) and the working days left, negative once
     * late; frozen while paused for the applicant's revision, absent before submission and after a
     * decision. {@code breached} once the watch has found the deadline passed without a decision.
     * {@code holidaysKnown} is false when the deadline was counted into a year whose holidays were not
     * entered yet: it is provisional, and may come later than it says.
     */
    public record Sla(LocalDate startedOn, LocalDate deadline, Integer workingDaysLeft, boolean paused,
                      boolean breached, boolean holidaysKnown) {
    }
}
