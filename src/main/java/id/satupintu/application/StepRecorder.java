package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;
import id.satupintu.platform.events.HistoryRecorder;
import id.satupintu.platform.events.NewEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every step of an application is written twice in one transaction: a row of its append-only
 * history, which the applicant and the agency's staff read, and a public event on its stream, which
 * its followers (SSE, subscriptions, webhooks) receive. This is what the application's rows and
 * events hold; the {@link HistoryRecorder} writes them.
 */
@ApplicationScoped
public class StepRecorder {

    @Inject
    HistoryRecorder history;

    /** Appends the history row and the public event of a step, in the current transaction. */
    Uni<Void> record(Application app, String action, ApplicationState from, ApplicationState to,
                     String actorId, String actorRole, String note, Visibility visibility, String reason) {
        ApplicationHistory entry = historyEntry(app, action, from, to, actorId, actorRole, note, visibility);
        entry.reason = reason;
        entry.at = app.updatedAt;
        Map<String, Object> payload = publicPayload(app, action, to);
        payload.put("fromState", from == null ? null : from.name());
        payload.put("note", entry.noteVisibility == Visibility.PUBLIC ? note : null);
        payload.put("reason", reason);
        return record(app, entry, payload);
    }

    /** Appends a prepared history row and its event ({@code application.<action>}), in the current transaction. */
    public Uni<Void> record(Application app, ApplicationHistory entry, Map<String, Object> payload) {
        return history.record(entry, List.of(event(app, entry.action, payload))).replaceWithVoid();
    }

    /**
     * Appends the event of a change that is not a step of the history (an SLA warning or breach, a
     * permit's revocation), in the current transaction.
     */
    public Uni<Void> announce(Application app, String action, Map<String, Object> payload) {
        return history.announce(List.of(event(app, action, payload)));
    }

    private static NewEvent event(Application app, String action, Map<String, Object> payload) {
        return new NewEvent(app.stream(), "application." + action, payload);
    }

    /** A history row of the application in its current state (not yet persisted). */
    public ApplicationHistory historyEntry(Application app, String action, ApplicationState from, ApplicationState to,
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
    public Map<String, Object> publicPayload(Application app, String action, ApplicationState state) {
        Map<String, Object> payload = basePayload(app, action, state);
        payload.put("ossStatusCode", OssStatus.of(action, state));
        payload.put("at", app.updatedAt.toString());
        payload.put("submittedAt", app.submittedAt == null ? null : app.submittedAt.toString());
        payload.put("deadline", app.deadline == null ? null : app.deadline.toString());
        return payload;
    }

    /** What every event of the application begins with: which one it is, whose, and what happened to it. */
    public Map<String, Object> basePayload(Application app, String action, ApplicationState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trackingNumber", app.trackingNumber);
        payload.put("serviceCode", app.serviceCode);
        // Public codes, so webhooks can give agency- and site-bound clients only their objects.
        payload.put("agencyCode", app.agencyCode);
        payload.put("siteCode", app.siteCode);
        payload.put("action", action);
        payload.put("state", state.name());
        return payload;
    }
}
