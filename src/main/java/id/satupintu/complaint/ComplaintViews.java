package id.satupintu.complaint;

import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.complaint.handling.ComplaintWorkflow;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.survey.SurveyLinks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A complaint as its reader may see it: the reporter only for those who may know them (contact
 * masked), the running deadline in working days at the site, and the actions the reader may take.
 */
@ApplicationScoped
public class ComplaintViews {

    @Inject
    ComplaintConfig config;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtection protection;

    @Inject
    Clock clock;

    @Inject
    SurveyLinks surveys;

    public Uni<ComplaintView> view(Caller caller, String secret, Complaint c) {
        // The reporter's own survey (an anonymous one's too, read with the secret); staff never see it.
        Uni<SurveyLinks.Link> survey = !ComplaintAccess.isReporter(caller, secret, c) ? Uni.createFrom().nullItem()
                : surveys.link(new SurveyLinks.Subject(SurveyLinks.Kind.COMPLAINT, c.id, c.siteCode, c.agencyCode,
                        c.serviceCode, c.state == ComplaintState.CLOSED || c.state == ComplaintState.REJECTED));
        return survey.flatMap(link -> view(caller, secret, c, link));
    }

    private Uni<ComplaintView> view(Caller caller, String secret, Complaint c, SurveyLinks.Link survey) {
        Uni<Integer> left = c.dueOn == null ? Uni.createFrom().nullItem()
                : calendar.localDate(c.siteCode, clock.now())
                        .flatMap(today -> calendar.workingDaysBetween(c.siteCode, today, c.dueOn));
        return left.map(days -> {
            ComplaintView.Reporter reporter = null;
            if (ComplaintAccess.seesIdentity(caller, secret, c)) {
                reporter = new ComplaintView.Reporter(c.reporterId, c.filedByClient, reveal(c.contactName),
                        PersonalDataProtection.maskEmail(reveal(c.contactEmail)), PersonalDataProtection.maskPhone(reveal(c.contactPhone)));
            }
            ComplaintView.Deadline deadline = c.dueOn == null ? null : new ComplaintView.Deadline(
                    ComplaintState.FOLLOW_UP_STAGE.contains(c.state) ? "FOLLOW_UP" : "VERIFY",
                    c.dueOn, days, c.dueSoonAt != null, c.lateAt != null);
            var actors = ComplaintAccess.actorsOf(caller, secret, c);
            // Whether the reporter may still reopen it, shown to staff as well (an answer they should get right).
            boolean reopenable = reopenable(c, clock.now());
            List<String> actions = ComplaintWorkflow.actionsFrom(c.state, actors).stream()
                    .filter(a -> !"reopen".equals(a) || reopenable).toList();
            return new ComplaintView(c.trackingCode, c.kind, c.categoryCode, c.reporterMode, reporter, c.title,
                    c.description, c.siteCode, c.agencyCode, c.serviceCode, c.applicationNumber, c.ticketId,
                    c.latitude == null && c.address == null ? null
                            : new ComplaintView.Location(c.latitude, c.longitude, c.address),
                    c.mediaUrl, c.attributes == null ? Map.of() : c.attributes, c.state, c.rejectReason, deadline,
                    c.reopenCount, reopenable, c.rating, actions, c.createdAt, c.updatedAt, survey);
        });
    }

    private boolean reopenable(Complaint c, Instant now) {
        ComplaintConfig.Complaints rules = config.complaints();
        return ComplaintState.SETTLED.contains(c.state) && c.reopenCount < rules.maxReopens() && c.settledAt != null
                && !now.isAfter(c.settledAt.toInstant().plus(Duration.ofDays(rules.reopenDays())));
    }

    private String reveal(String stored) {
        return stored == null ? null : protection.decrypt(stored);
    }
}
