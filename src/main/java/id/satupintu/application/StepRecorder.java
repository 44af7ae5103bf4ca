package id.satupintu.application;

import id.satupintu.application.ApplicationHistory.Visibility;
import id.satupintu.platform.events.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every step of an application is written twice in one transaction: a row of its append-only
 * history, which the applicant and the agency's staff read, and a public event on its stream, which
 * its followers (SSE, subscriptions, webhooks) receive.
 */
@ApplicationScoped
public class StepRecorder {

    @Inject
    EventLog events;

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
        return entry.<ApplicationHistory>persist()
                .flatMap(saved -> events.append(app.stream(), "application." + action, payload))
                .replaceWithVoid();
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
}
