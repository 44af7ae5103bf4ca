package id.satupintu.survey;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.survey.SurveyLinks;
import id.satupintu.queue.QueueCounter;
import id.satupintu.queue.QueueCounters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The counter tablet's survey: the ticket its counter finished last, while the citizen may still be in front of
 * it ({@code satupintu.survey.counter-tablet-minutes}) and until it is answered. REST and GraphQL both call it.
 */
@ApplicationScoped
public class CounterSurveys {

    @Inject
    QueueCounters counters;

    @Inject
    SurveyInvitations invitations;

    @Inject
    SurveyAnswers answers;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    /**
     * The survey to show at the counter, or empty when there is none to answer (nothing finished in the window,
     * or already answered). Only a counter tablet of the counter's site asks: anyone else is refused (403
     * survey-counter-tablet-only) before the counter is looked up, so the endpoint tells them nothing; an
     * unknown counter is 404 counter-not-found, another site's 403 survey-other-site.
     */
    public Uni<Optional<CounterSurvey>> current(Caller caller, String counterId, Locale locale) {
        Caller tablet = CurrentUser.signedIn(caller);
        if (!tablet.client() || !tablet.hasRole(Roles.COUNTER_TABLET) || tablet.siteCode() == null) {
            return Uni.createFrom().failure(new ProblemException(403, "survey-counter-tablet-only"));
        }
        return counters.find(counterId).flatMap(counter -> {
            if (!counter.siteCode().equals(tablet.siteCode())) {
                throw new ProblemException(403, "survey-other-site");
            }
            QueueCounter.FinishedTicket ticket = counter.lastFinished();
            if (ticket == null || !clock.now().isBefore(ticket.finishedAt().toInstant()
                    .plus(Duration.ofMinutes(config.survey().counterTabletMinutes())))) {
                return Uni.createFrom().item(Optional.<CounterSurvey>empty());
            }
            // The link stores the token's hash if no view of the ticket has yet: the answer finds it by that.
            return invitations.link(new SurveyLinks.Subject(SurveyLinks.Kind.TICKET, ticket.id(), counter.siteCode(),
                            null, ticket.serviceCode(), true))
                    .flatMap(link -> "OPEN".equals(link.state())
                            ? answers.questionnaire(link.token(), locale).map(q -> open(counter, link.token(), q))
                            : Uni.createFrom().item(Optional.<CounterSurvey>empty()));
        });
    }

    /** The survey, unless the questionnaire says it cannot be answered (its invitation was never opened). */
    private static Optional<CounterSurvey> open(QueueCounter counter, String token, Questionnaire questionnaire) {
        if (!"OPEN".equals(questionnaire.state())) {
            return Optional.empty();
        }
        QueueCounter.FinishedTicket ticket = counter.lastFinished();
        return Optional.of(new CounterSurvey(counter.id().toString(), counter.number(), counter.name(),
                ticket.number(), ticket.finishedAt(), token, questionnaire.state(), questionnaire));
    }
}
